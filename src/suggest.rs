//! "Did you mean …?" suggestions for misspelt ids and words.

/// The candidate closest to `word`, if one is close enough to be a likely typo.
///
/// Closeness is Jaro-Winkler similarity, which favours a shared prefix: `medhlep`
/// suggests `medhelp`. Ties go to the candidate that sorts first, so the
/// suggestion does not depend on the order the candidates come in.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(word, candidate);
        let better = match best {
            None => true,
            Some((best_score, best_candidate)) => {
                score > best_score || (score == best_score && candidate < best_candidate)
            }
        };
        if better {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= 0.8).map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_close_id() {
        let ids = ["medicall", "medhelp", "inera"];
        assert_eq!(did_you_mean("medhlep", ids), Some("medhelp"));
        assert_eq!(did_you_mean("inra", ids), Some("inera"));
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(did_you_mean("voice-integrate", ["medhelp", "inera"]), None);
        assert_eq!(did_you_mean("x", []), None);
    }
}
