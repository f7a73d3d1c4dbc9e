//! The library's map: country shapes of the Mediterranean and the Balkans decoded from a
//! TopoJSON file (Natural Earth, as packaged by world-atlas), projected onto an SVG canvas. The
//! decoding is pure, so the map is drawn on the server and works without scripts or network.

use serde_json::Value;

/// What part of the world the map shows, in degrees, and how wide it is in SVG units.
#[derive(Debug, Clone, Copy)]
pub struct View {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
    pub width: f64,
}

/// The Mediterranean, from Morocco to Jordan and from the Alps to the Sahara's edge.
pub const MEDITERRANEAN: View = View {
    west: -10.0,
    east: 40.0,
    south: 27.0,
    north: 48.0,
    width: 900.0,
};

impl View {
    fn k(&self) -> f64 {
        // An equirectangular projection with the scale true at the middle latitude.
        self.width / ((self.east - self.west) * self.mid_cos())
    }

    fn mid_cos(&self) -> f64 {
        ((self.north + self.south) / 2.0).to_radians().cos()
    }

    /// The canvas height for the view's width.
    pub fn height(&self) -> f64 {
        (self.north - self.south) * self.k()
    }

    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let k = self.k();
        (
            (lon - self.west) * self.mid_cos() * k,
            (self.north - lat) * k,
        )
    }
}

/// One country's outline on the canvas.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Shape {
    /// ISO 3166-1 numeric code, or empty (Kosovo, Northern Cyprus).
    pub numeric: String,
    /// The name in the file (English).
    pub name: String,
    /// SVG path data.
    pub path: String,
}

/// Why the shapes could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the map file is not the expected TopoJSON: {0}")]
pub struct MapError(&'static str);

fn arc_points(topo: &Value) -> Result<Vec<Vec<(f64, f64)>>, MapError> {
    let transform = topo.get("transform").ok_or(MapError("no transform"))?;
    let pair = |key: &str| -> Result<(f64, f64), MapError> {
        let v = transform
            .get(key)
            .and_then(Value::as_array)
            .ok_or(MapError("transform"))?;
        match (
            v.first().and_then(Value::as_f64),
            v.get(1).and_then(Value::as_f64),
        ) {
            (Some(a), Some(b)) => Ok((a, b)),
            _ => Err(MapError("transform")),
        }
    };
    let (sx, sy) = pair("scale")?;
    let (tx, ty) = pair("translate")?;
    let arcs = topo
        .get("arcs")
        .and_then(Value::as_array)
        .ok_or(MapError("no arcs"))?;
    arcs.iter()
        .map(|arc| {
            let points = arc.as_array().ok_or(MapError("arc"))?;
            let (mut x, mut y) = (0i64, 0i64);
            points
                .iter()
                .map(|p| {
                    let p = p.as_array().ok_or(MapError("point"))?;
                    let dx = p.first().and_then(Value::as_i64).ok_or(MapError("point"))?;
                    let dy = p.get(1).and_then(Value::as_i64).ok_or(MapError("point"))?;
                    x += dx;
                    y += dy;
                    Ok((x as f64 * sx + tx, y as f64 * sy + ty))
                })
                .collect()
        })
        .collect()
}

fn ring(arcs: &[Vec<(f64, f64)>], indices: &Value) -> Result<Vec<(f64, f64)>, MapError> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for i in indices.as_array().ok_or(MapError("ring"))? {
        let i = i.as_i64().ok_or(MapError("ring"))?;
        let (index, reversed) = if i < 0 { (!i, true) } else { (i, false) };
        let arc = arcs.get(index as usize).ok_or(MapError("arc index"))?;
        let mut points: Vec<(f64, f64)> = arc.clone();
        if reversed {
            points.reverse();
        }
        let skip = usize::from(!out.is_empty());
        out.extend(points.into_iter().skip(skip));
    }
    Ok(out)
}

/// The countries of `topojson` (object `countries`) that show in `view`, as SVG paths.
pub fn shapes(topojson: &str, view: View) -> Result<Vec<Shape>, MapError> {
    let topo: Value = serde_json::from_str(topojson).map_err(|_| MapError("not JSON"))?;
    let arcs = arc_points(&topo)?;
    let geometries = topo
        .pointer("/objects/countries/geometries")
        .and_then(Value::as_array)
        .ok_or(MapError("no countries"))?;
    let mut out = Vec::new();
    for g in geometries {
        let polygons: Vec<&Value> = match g.get("type").and_then(Value::as_str) {
            Some("Polygon") => g.get("arcs").into_iter().collect(),
            Some("MultiPolygon") => g
                .get("arcs")
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            _ => continue,
        };
        let mut d = String::new();
        let mut visible = false;
        for polygon in polygons {
            for r in polygon.as_array().ok_or(MapError("polygon"))? {
                let points = ring(&arcs, r)?;
                if points.iter().any(|(lon, lat)| {
                    *lon >= view.west
                        && *lon <= view.east
                        && *lat >= view.south
                        && *lat <= view.north
                }) {
                    visible = true;
                }
                let mut last: Option<(f64, f64)> = None;
                for (n, (lon, lat)) in points.iter().enumerate() {
                    let (x, y) = view.project(*lon, *lat);
                    // Points closer than half a unit to the previous one add nothing visible.
                    if let Some((px, py)) = last {
                        if (x - px).abs() < 0.5 && (y - py).abs() < 0.5 && n + 1 < points.len() {
                            continue;
                        }
                    }
                    d.push_str(if last.is_none() { "M" } else { "L" });
                    d.push_str(&format!("{x:.1},{y:.1}"));
                    last = Some((x, y));
                }
                d.push('Z');
            }
        }
        if visible {
            out.push(Shape {
                numeric: g
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                name: g
                    .pointer("/properties/name")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                path: d,
            });
        }
    }
    Ok(out)
}

/// The shading class (0 to 4) of a country with `count` documents when the busiest has `max`.
pub fn shade(count: i64, max: i64) -> u8 {
    if count <= 0 || max <= 0 {
        return 0;
    }
    let ratio = count as f64 / max as f64;
    match ratio {
        r if r > 0.75 => 4,
        r if r > 0.5 => 3,
        r if r > 0.25 => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two squares sharing an edge, delta-encoded as TopoJSON does.
    const TOPO: &str = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,30]},
      "arcs":[[[0,0],[0,5]],[[0,5],[5,0],[0,-5],[-5,0]],[[0,0],[-5,0],[0,5],[5,0]]],
      "objects":{"countries":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0,1]],"id":"380","properties":{"name":"Italy"}},
        {"type":"MultiPolygon","arcs":[[[2,-1]]],"properties":{"name":"Kosovo"}},
        {"type":"Polygon","arcs":[[0]],"id":"999","properties":{"name":"Far"}}]}}}"#;

    #[test]
    fn decodes_arcs_rings_and_projection() {
        let view = View {
            west: -10.0,
            east: 10.0,
            south: 25.0,
            north: 40.0,
            width: 200.0,
        };
        let s = shapes(TOPO, view).unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].numeric, "380");
        assert_eq!(s[1].name, "Kosovo");
        assert!(s[0].path.starts_with('M') && s[0].path.ends_with('Z'));
        // The shared arc, reversed in the second country, joins its ring without a repeat.
        let points = s[1].path.matches('L').count() + 1;
        assert_eq!(points, 5);
        let far = View {
            west: 100.0,
            east: 120.0,
            south: 0.0,
            north: 10.0,
            width: 200.0,
        };
        assert!(shapes(TOPO, far).unwrap().is_empty());
        assert!(view.height() > 0.0);
        assert!(shapes("{}", view).is_err());
        assert!(shapes("not json", view).is_err());
    }

    #[test]
    fn shades() {
        assert_eq!(shade(0, 10), 0);
        assert_eq!(shade(1, 10), 1);
        assert_eq!(shade(5, 10), 2);
        assert_eq!(shade(10, 10), 4);
    }

    /// The real file of the front-end packages.
    #[test]
    fn world_atlas_mediterranean() {
        let Some(text) = crate::test_data::npm("world-atlas/countries-50m.json") else {
            return;
        };
        let s = shapes(&text, MEDITERRANEAN).unwrap();
        for numeric in [
            "008", "070", "807", "499", "688", "504", "788", "012", "818", "400", "422", "380",
            "275",
        ] {
            assert!(s.iter().any(|x| x.numeric == numeric), "{numeric} missing");
        }
        assert!(s.iter().any(|x| x.name == "Kosovo"));
        assert!(
            !s.iter().any(|x| x.numeric == "076"),
            "Brazil is not in the view"
        );
    }
}
