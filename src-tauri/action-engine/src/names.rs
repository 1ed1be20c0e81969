//! Which of a few names the user most likely meant: the nearest by edits (letter case
//! ignored, though a name differing only in case is still offered: templates are case
//! sensitive), within a third of the name's length, so a typo finds its key and a different
//! name finds nothing.

/// Edits (insert, delete, replace) between `a` and `b`, letter case ignored.
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (
        a.to_lowercase().chars().collect(),
        b.to_lowercase().chars().collect(),
    );
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The name of `known` nearest to `name`, if near enough; never `name` itself.
pub fn closest<'a>(name: &str, known: impl IntoIterator<Item = &'a String>) -> Option<String> {
    known
        .into_iter()
        .filter(|k| k.as_str() != name)
        .map(|k| (distance(name, k), k))
        .filter(|(edits, _)| *edits <= name.chars().count().max(3) / 3)
        .min_by_key(|(edits, _)| *edits)
        .map(|(_, k)| k.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_finds_its_name_and_a_stranger_does_not() {
        let keys = vec!["Presence".to_string(), "queueSize".to_string()];
        assert_eq!(closest("Presences", &keys), Some("Presence".into()));
        assert_eq!(
            closest("presence", &keys),
            Some("Presence".into()),
            "case ignored"
        );
        assert_eq!(closest("memberCount", &keys), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
