//! The network drawn as a two-sided diagram: administrations or regions in a column on one side,
//! countries or partners on the other (in a column, or where they lie on the map), joined by
//! curves as thick as the number of relations and initiatives behind them. Pure geometry; the
//! page draws the SVG and the table with the same figures.

/// The four regions of the Convergence objective the programme serves, as ISTAT region codes
/// (the registry's), in the order the map lists them: Campania, Puglia, Calabria, Sicilia.
pub const CONVERGENCE_REGIONS: [&str; 4] = ["15", "16", "18", "19"];

/// A point of the diagram with its label.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Node {
    /// What the node stands for (a region code, a country code, an id).
    pub key: String,
    pub label: String,
    pub x: f64,
    pub y: f64,
}

/// Which way the two sides face each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sides {
    /// One side on the left, the other on the right: curves leave and arrive horizontally.
    LeftRight,
    /// One side on top, the other below: curves leave and arrive vertically.
    TopBottom,
}

/// What joins one node of the left side to one of the right, and what it weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub left: usize,
    pub right: usize,
    pub relations: u32,
    pub initiatives: u32,
}

/// A link as drawn.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Edge {
    pub left: usize,
    pub right: usize,
    pub relations: u32,
    pub initiatives: u32,
    /// Stroke width, from [`MIN_WIDTH`] (the lightest) to [`MAX_WIDTH`] (the heaviest).
    pub width: f64,
    /// SVG path data: a curve leaving and reaching its nodes square to the sides.
    pub path: String,
}

/// Thinnest stroke, for the lightest link.
pub const MIN_WIDTH: f64 = 2.0;
/// Thickest stroke, for the heaviest link.
pub const MAX_WIDTH: f64 = 14.0;

/// Labels placed evenly in a column at `x`, between `top` and `bottom` (one label in the middle).
pub fn column(items: &[(String, String)], x: f64, top: f64, bottom: f64) -> Vec<Node> {
    let n = items.len();
    items
        .iter()
        .enumerate()
        .map(|(i, (key, label))| {
            let y = if n <= 1 {
                (top + bottom) / 2.0
            } else {
                top + (bottom - top) * i as f64 / (n - 1) as f64
            };
            Node {
                key: key.clone(),
                label: label.clone(),
                x,
                y,
            }
        })
        .collect()
}

/// The links that join existing nodes and weigh something, drawn: stroke widths scaled to the
/// heaviest link (relations and initiatives count alike), heaviest drawn last so that thin links
/// stay visible under them; equal weights keep their given order.
pub fn edges(left: &[Node], right: &[Node], links: &[Link], sides: Sides) -> Vec<Edge> {
    let weight = |l: &Link| u64::from(l.relations) + u64::from(l.initiatives);
    let kept: Vec<&Link> = links
        .iter()
        .filter(|l| l.left < left.len() && l.right < right.len() && weight(l) > 0)
        .collect();
    let max = kept.iter().map(|l| weight(l)).max().unwrap_or(0);
    let mut out: Vec<Edge> = kept
        .into_iter()
        .map(|l| {
            let (a, b) = (&left[l.left], &right[l.right]);
            let width = if max <= 1 {
                MIN_WIDTH
            } else {
                MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (weight(l) - 1) as f64 / (max - 1) as f64
            };
            Edge {
                left: l.left,
                right: l.right,
                relations: l.relations,
                initiatives: l.initiatives,
                width: (width * 10.0).round() / 10.0,
                path: match sides {
                    Sides::LeftRight => {
                        let mid = (a.x + b.x) / 2.0;
                        format!(
                            "M{:.1},{:.1} C{mid:.1},{:.1} {mid:.1},{:.1} {:.1},{:.1}",
                            a.x, a.y, a.y, b.y, b.x, b.y
                        )
                    }
                    Sides::TopBottom => {
                        let mid = (a.y + b.y) / 2.0;
                        format!(
                            "M{:.1},{:.1} C{:.1},{mid:.1} {:.1},{mid:.1} {:.1},{:.1}",
                            a.x, a.y, a.x, b.x, b.x, b.y
                        )
                    }
                },
            }
        })
        .collect();
    out.sort_by_key(|e| e.relations + e.initiatives);
    out
}

/// Where a node's label goes: its text's anchor point and alignment (`start`, `middle`, `end`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub align: &'static str,
}

/// Places each node's label (of `size` units, characters about 0.62 of it wide) above its node,
/// else below, right or left of it, the first place that overlaps no label placed before it,
/// nodes taken in order; where every place overlaps, above. Neighbouring countries on the map
/// (the Western Balkans) then keep readable labels.
pub fn place_labels(nodes: &[Node], size: f64) -> Vec<Label> {
    type Rect = (f64, f64, f64, f64);
    let gap = size * 0.45;
    let mut taken: Vec<Rect> = Vec::new();
    let mut out = Vec::new();
    for n in nodes {
        let w = n.label.chars().count() as f64 * size * 0.62;
        // (label, its box) for each candidate place.
        let candidates: [(Label, Rect); 4] = [
            (
                Label {
                    x: n.x,
                    y: n.y - gap,
                    align: "middle",
                },
                (n.x - w / 2.0, n.y - gap - size, n.x + w / 2.0, n.y - gap),
            ),
            (
                Label {
                    x: n.x,
                    y: n.y + gap + size * 0.8,
                    align: "middle",
                },
                (
                    n.x - w / 2.0,
                    n.y + gap - size * 0.2,
                    n.x + w / 2.0,
                    n.y + gap + size * 0.8,
                ),
            ),
            (
                Label {
                    x: n.x + gap,
                    y: n.y + size * 0.35,
                    align: "start",
                },
                (
                    n.x + gap,
                    n.y - size * 0.65,
                    n.x + gap + w,
                    n.y + size * 0.35,
                ),
            ),
            (
                Label {
                    x: n.x - gap,
                    y: n.y + size * 0.35,
                    align: "end",
                },
                (
                    n.x - gap - w,
                    n.y - size * 0.65,
                    n.x - gap,
                    n.y + size * 0.35,
                ),
            ),
        ];
        let overlaps = |r: &Rect| {
            taken
                .iter()
                .any(|t| r.0 < t.2 && t.0 < r.2 && r.1 < t.3 && t.1 < r.3)
        };
        let chosen = candidates
            .iter()
            .find(|(_, r)| !overlaps(r))
            .unwrap_or(&candidates[0])
            .clone();
        taken.push(chosen.1);
        out.push(chosen.0);
    }
    out
}

/// Where to anchor a country's label and links on the map: the middle of the bounding box of the
/// largest ring of its SVG path (`M`, `L` and `Z` commands with absolute `x,y` pairs, as the
/// library's map writes them), so that islands and exclaves do not pull it off the mainland.
pub fn anchor(path: &str) -> Option<(f64, f64)> {
    let mut best: Option<(f64, (f64, f64))> = None;
    for ring in path.split('Z') {
        let mut bounds: Option<(f64, f64, f64, f64)> = None;
        for token in ring.split(['M', 'L']) {
            let Some((x, y)) = token.trim().split_once(',') else {
                continue;
            };
            let (Ok(x), Ok(y)) = (x.trim().parse::<f64>(), y.trim().parse::<f64>()) else {
                continue;
            };
            bounds = Some(match bounds {
                None => (x, y, x, y),
                Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
            });
        }
        if let Some((x0, y0, x1, y1)) = bounds {
            let area = (x1 - x0) * (y1 - y0);
            if best.is_none_or(|(a, _)| area > a) {
                best = Some((area, ((x0 + x1) / 2.0, (y0 + y1) / 2.0)));
            }
        }
    }
    best.map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(keys: &[&str]) -> Vec<(String, String)> {
        keys.iter()
            .map(|k| (k.to_string(), k.to_uppercase()))
            .collect()
    }

    #[test]
    fn columns_are_evenly_spaced() {
        let c = column(&items(&["a", "b", "c"]), 10.0, 0.0, 100.0);
        let ys: Vec<f64> = c.iter().map(|n| n.y).collect();
        assert_eq!(ys, vec![0.0, 50.0, 100.0]);
        assert_eq!(c[1].label, "B");
        assert_eq!(column(&items(&["a"]), 0.0, 0.0, 100.0)[0].y, 50.0);
        assert!(column(&[], 0.0, 0.0, 1.0).is_empty());
    }

    #[test]
    fn edges_are_weighted_and_ignore_empty_or_dangling_links() {
        let left = column(&items(&["15", "16"]), 0.0, 0.0, 100.0);
        let right = column(&items(&["AL", "ME"]), 200.0, 0.0, 100.0);
        let link = |left, right, relations, initiatives| Link {
            left,
            right,
            relations,
            initiatives,
        };
        let e = edges(
            &left,
            &right,
            &[
                link(0, 0, 4, 1),
                link(0, 1, 1, 0),
                link(1, 1, 0, 0),
                link(5, 0, 3, 0),
                link(1, 0, 2, 1),
            ],
            Sides::LeftRight,
        );
        assert_eq!(e.len(), 3, "a link of nothing or to no node is not drawn");
        // Lightest first, heaviest last (drawn on top).
        assert_eq!(e[0].width, MIN_WIDTH);
        assert_eq!(e[2].width, MAX_WIDTH);
        assert_eq!((e[2].relations, e[2].initiatives), (4, 1));
        assert_eq!(e[1].width, 8.0, "weight 3 of 1..5 is half way");
        assert_eq!(e[0].path, "M0.0,0.0 C100.0,0.0 100.0,100.0 200.0,100.0");
        // A single link, or links all of weight one, are drawn thin.
        let one = edges(&left, &right, &[link(0, 0, 1, 0)], Sides::TopBottom);
        assert_eq!(one[0].width, MIN_WIDTH);
        assert_eq!(one[0].path, "M0.0,0.0 C0.0,0.0 200.0,0.0 200.0,0.0");
        assert!(edges(&left, &right, &[], Sides::LeftRight).is_empty());
    }

    #[test]
    fn labels_of_close_nodes_do_not_overlap() {
        // Three nodes 20 units apart in a column, one far away; labels 30 units high.
        let mut nodes = column(&items(&["al", "me", "rs"]), 100.0, 0.0, 40.0);
        nodes.push(Node {
            key: "far".into(),
            label: "FAR".into(),
            x: 900.0,
            y: 20.0,
        });
        let labels = place_labels(&nodes, 30.0);
        let side = |i: usize| (labels[i].align, labels[i].y < nodes[i].y);
        // The first above; the second would cover it there, so below; the third has room above
        // again (between the two), the far one too.
        assert_eq!(side(0), ("middle", true));
        assert_eq!(side(1), ("middle", false));
        assert_eq!(side(2), ("middle", true));
        assert_eq!(side(3), ("middle", true));
        assert!(place_labels(&[], 30.0).is_empty());
    }

    #[test]
    fn anchors_on_the_largest_ring() {
        let path = "M0,0L2,0L2,2L0,2Z M10.0,10.0L30.0,10.0L30.0,20.0L10.0,20.0Z";
        assert_eq!(anchor(path), Some((20.0, 15.0)));
        assert_eq!(anchor(""), None);
        assert_eq!(anchor("Mx,yZ"), None);
    }
}
