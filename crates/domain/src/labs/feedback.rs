//! The feedback questionnaire after a session: five statements rated on a five-point Likert scale
//! and two open questions, optionally anonymous; and the summary the results page charts.

use crate::validation::{optional_text, Errors};
use serde::Serialize;

/// The rated statements, as message keys `feedback-q-<key>`.
pub const QUESTIONS: [&str; 5] = [
    "useful",
    "content",
    "speakers",
    "organisation",
    "applicable",
];

/// The points of the scale, 1 (strongly disagree) to 5 (strongly agree).
pub const SCALE: std::ops::RangeInclusive<i64> = 1..=5;

/// A questionnaire as submitted.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct FeedbackForm {
    pub useful: String,
    pub content: String,
    pub speakers: String,
    pub organisation: String,
    pub applicable: String,
    pub went_well: String,
    pub to_improve: String,
    pub anonymous: Option<String>,
}

/// A checked answer. A rating may be left blank (`None`) by someone who cannot judge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub ratings: [Option<i64>; 5],
    pub went_well: String,
    pub to_improve: String,
    pub anonymous: bool,
}

impl FeedbackForm {
    /// The submitted rating of each question, in order.
    fn raw(&self) -> [(&'static str, &str); 5] {
        [
            ("useful", &self.useful),
            ("content", &self.content),
            ("speakers", &self.speakers),
            ("organisation", &self.organisation),
            ("applicable", &self.applicable),
        ]
    }

    /// Checks the answer: ratings on the scale or blank, open answers at most 2,000 characters,
    /// and at least one thing said.
    pub fn check(&self) -> Result<Answer, Errors> {
        let mut errors = Errors::default();
        let mut ratings = [None; 5];
        for (i, (field, value)) in self.raw().into_iter().enumerate() {
            let v = value.trim();
            if v.is_empty() {
                continue;
            }
            match v.parse::<i64>() {
                Ok(n) if SCALE.contains(&n) => ratings[i] = Some(n),
                _ => errors.add(field, "error-rating"),
            }
        }
        let went_well =
            optional_text(&mut errors, "went_well", &self.went_well, 2000).unwrap_or_default();
        let to_improve =
            optional_text(&mut errors, "to_improve", &self.to_improve, 2000).unwrap_or_default();
        if errors.is_empty()
            && ratings.iter().all(Option::is_none)
            && went_well.is_empty()
            && to_improve.is_empty()
        {
            errors.add("form", "error-feedback-empty");
        }
        errors.into_result(Answer {
            ratings,
            went_well,
            to_improve,
            anonymous: self.anonymous.is_some(),
        })
    }
}

/// How one question was answered: counts per point of the scale and the mean in hundredths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Distribution {
    pub question: &'static str,
    pub counts: [i64; 5],
    pub answers: i64,
    pub mean_hundredths: Option<i64>,
}

/// Summarises the ratings of every answer, question by question.
pub fn summarise(ratings: &[[Option<i64>; 5]]) -> Vec<Distribution> {
    QUESTIONS
        .iter()
        .enumerate()
        .map(|(q, question)| {
            let mut counts = [0i64; 5];
            for r in ratings.iter().filter_map(|r| r[q]) {
                if SCALE.contains(&r) {
                    counts[(r - 1) as usize] += 1;
                }
            }
            let answers: i64 = counts.iter().sum();
            let total: i64 = counts
                .iter()
                .enumerate()
                .map(|(i, c)| (i as i64 + 1) * c)
                .sum();
            Distribution {
                question,
                counts,
                answers,
                mean_hundredths: (answers > 0).then(|| (total * 200 + answers) / (answers * 2)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_checked() {
        let ok = FeedbackForm {
            useful: "5".into(),
            content: "4".into(),
            went_well: " Esempi concreti ".into(),
            anonymous: Some("on".into()),
            ..Default::default()
        }
        .check()
        .unwrap();
        assert_eq!(ok.ratings, [Some(5), Some(4), None, None, None]);
        assert_eq!(ok.went_well, "Esempi concreti");
        assert!(ok.anonymous);
        let bad = FeedbackForm {
            useful: "6".into(),
            speakers: "abc".into(),
            ..Default::default()
        }
        .check()
        .unwrap_err();
        assert_eq!(bad.for_field("useful"), Some("error-rating"));
        assert_eq!(bad.for_field("speakers"), Some("error-rating"));
        let empty = FeedbackForm::default().check().unwrap_err();
        assert_eq!(empty.for_field("form"), Some("error-feedback-empty"));
    }

    #[test]
    fn distributions_and_means() {
        let s = summarise(&[
            [Some(5), Some(3), None, None, None],
            [Some(4), None, None, None, None],
            [Some(4), Some(1), None, None, None],
        ]);
        assert_eq!(s[0].counts, [0, 0, 0, 2, 1]);
        assert_eq!(s[0].answers, 3);
        assert_eq!(s[0].mean_hundredths, Some(433));
        assert_eq!(s[1].mean_hundredths, Some(200));
        assert_eq!(s[2].answers, 0);
        assert_eq!(s[2].mean_hundredths, None);
    }
}
