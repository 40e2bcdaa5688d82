//! The model's YAML reader: one pass over the parser's events into a tree of
//! [`Node`]s, each with its byte span in the file.
//!
//! The tree is what every later step reads, so a problem in one value (a
//! misspelt key, `yes` for a boolean) is found by `raw` without stopping the
//! rest of the file. Only what makes the file unreadable as YAML stops it here:
//! a syntax error, a second document, nesting deeper than [`MAX_DEPTH`], aliases
//! that expand past [`MAX_ALIAS_REPLAY_EVENTS`], or a tag other than `!!str`.
//!
//! Spans are byte offsets (`u32`: files are at most 256 MiB); line and column
//! are worked out only when a diagnostic is printed. Scalars borrow from the
//! file's text whenever the parser can give them unchanged.

use std::borrow::Cow;
use std::collections::HashMap;

use granit_parser::{Event, Parser, ScalarStyle, ScanError};

use super::{MAX_ALIAS_REPLAY_EVENTS, MAX_DEPTH};
use crate::diag::{Diagnostic, DiagnosticCode};
use crate::source::{FileId, Span};

/// One YAML value with its place in the file.
#[derive(Clone, Debug)]
pub struct Node<'t> {
    /// Byte offset where the value starts.
    pub start: u32,
    /// Byte offset where it ends. A collection's span is that of its opening
    /// (`{`, `[`, or nothing before a block's first entry), as the parser gives it.
    pub end: u32,
    /// The value.
    pub value: Value<'t>,
}

/// A YAML value: a scalar, a list or a mapping.
#[derive(Clone, Debug)]
pub enum Value<'t> {
    /// A scalar as written, after escapes; `plain` if it was not quoted
    /// (only plain scalars can be `true`, a number or null).
    Scalar {
        /// The text.
        text: Cow<'t, str>,
        /// Whether it was written plain (unquoted, not a block scalar).
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node<'t>>),
    /// A mapping, entries in file order (keys may repeat; `raw` refuses that).
    Map(Vec<(Node<'t>, Node<'t>)>),
}

impl Node<'_> {
    /// The node's span in `file`.
    pub fn span(&self, file: FileId) -> Span {
        Span::new(file, self.start as usize..self.end as usize)
    }

    /// Whether the node is YAML's null: an empty value, `~` or `null` unquoted.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if matches!(&**text, "" | "~" | "null" | "Null" | "NULL"))
    }
}

/// An anchored node, kept to be copied where an alias names it.
struct Anchor<'t> {
    node: Node<'t>,
    /// The parser events the node stands for, aliases inside it expanded.
    events: usize,
}

/// A collection being read.
struct Frame<'t> {
    start: u32,
    end: u32,
    anchor: usize,
    events: usize,
    kind: FrameKind<'t>,
}

enum FrameKind<'t> {
    Seq(Vec<Node<'t>>),
    Map(Vec<(Node<'t>, Node<'t>)>, Option<Node<'t>>),
}

/// Reads `text` into a tree; `None` for a file with no document (empty, or
/// only comments). An error is the one problem that makes the file unreadable.
pub fn parse(text: &str, file: FileId) -> Result<Option<Node<'_>>, Box<Diagnostic>> {
    // The parser's own nesting limits (255) are left above ours, so that
    // ours speaks first; its scanner reads a little ahead of the events.
    let options = granit_parser::options! { emit_comments: false };
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Anchor> = HashMap::new();
    let mut root = None;
    let mut documents = 0usize;
    let mut replayed = 0usize;
    let offset = |marker: &granit_parser::Marker| -> u32 {
        let offset = marker.byte_offset().unwrap_or_else(|| char_to_byte(text, marker.index()));
        u32::try_from(offset.min(text.len())).unwrap_or(u32::MAX)
    };
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|error| Box::new(scan_diagnostic(&error, text, file)))?;
        let (start, end) = (offset(&span.start), offset(&span.end));
        let (node, events, anchor) = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => continue,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(Box::new(
                        Diagnostic::error(
                            DiagnosticCode::Yaml,
                            "a model file holds one YAML document, this one holds several",
                        )
                        .at(Span::new(file, start as usize..end as usize), "")
                        .help("put each document (the parts between `---` lines) in a file of its own"),
                    ));
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                let mut plain = style == ScalarStyle::Plain;
                if let Some(tag) = tag {
                    if tag.is_yaml_core_schema_tag("str") {
                        plain = false;
                    } else {
                        return Err(Box::new(tag_diagnostic(file, start, end)));
                    }
                }
                (Node { start, end, value: Value::Scalar { text: value, plain } }, 1, anchor)
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                if tag.is_some() {
                    return Err(Box::new(tag_diagnostic(file, start, end)));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(Box::new(
                        Diagnostic::error(DiagnosticCode::Yaml, format!("YAML nested deeper than {MAX_DEPTH} levels"))
                            .at(Span::new(file, start as usize..end as usize), "")
                            .note(format!("ansvar refuses YAML nested deeper than {MAX_DEPTH} levels")),
                    ));
                }
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    FrameKind::Seq(Vec::new())
                } else {
                    FrameKind::Map(Vec::new(), None)
                };
                stack.push(Frame { start, end, anchor, events: 1, kind });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else { continue };
                let value = match frame.kind {
                    FrameKind::Seq(items) => Value::Seq(items),
                    FrameKind::Map(entries, _) => Value::Map(entries),
                };
                (Node { start: frame.start, end: frame.end, value }, frame.events + 1, frame.anchor)
            }
            Event::Alias(id) => {
                let Some(anchor) = anchors.get(&id) else { continue };
                replayed += anchor.events;
                if replayed > MAX_ALIAS_REPLAY_EVENTS {
                    let used = Span::new(file, start as usize..end as usize);
                    let defined = anchor.node.span(file);
                    let defined = Span::new(file, defined.range().start..defined.range().start);
                    return Err(Box::new(
                        Diagnostic::error(DiagnosticCode::Yaml, "YAML aliases expand too far")
                            .at(used, "alias used here")
                            .also(defined, "anchor defined here")
                            .help("write the repeated entries out instead of repeating an alias")
                            .note(format!(
                                "ansvar limits how far anchors and aliases (`&name`, `*name`) may expand, against \
                                 \"billion laughs\" files: at most {MAX_ALIAS_REPLAY_EVENTS} replayed YAML events per file"
                            )),
                    ));
                }
                let mut node = anchor.node.clone();
                (node.start, node.end) = (start, end);
                (node, anchor.events, 0)
            }
            // Not emitted with these options.
            _ => continue,
        };
        if anchor != 0 {
            anchors.insert(anchor, Anchor { node: node.clone(), events });
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(frame) => {
                frame.events += events;
                match &mut frame.kind {
                    FrameKind::Seq(items) => items.push(node),
                    FrameKind::Map(entries, key) => match key.take() {
                        None => *key = Some(node),
                        Some(key) => entries.push((key, node)),
                    },
                }
            }
        }
    }
    Ok(root)
}

fn tag_diagnostic(file: FileId, start: u32, end: u32) -> Diagnostic {
    Diagnostic::error(DiagnosticCode::Yaml, "YAML tags are not used in ansvar models")
        .at(Span::new(file, start as usize..end as usize), "")
        .help("remove the tag (`!name` or `!!type`); write the value as it is")
}

fn scan_diagnostic(error: &ScanError, text: &str, file: FileId) -> Diagnostic {
    let marker = error.marker();
    let start = marker.byte_offset().unwrap_or_else(|| char_to_byte(text, marker.index())).min(text.len());
    let message = error.info();
    let message = if message.is_empty() { "invalid YAML".to_owned() } else { message };
    Diagnostic::error(DiagnosticCode::Yaml, message).at(Span::new(file, start..start), "")
}

/// The byte offset of the `index`th character of `text` (its end if shorter).
fn char_to_byte(text: &str, index: usize) -> usize {
    text.char_indices().nth(index).map_or(text.len(), |(offset, _)| offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> FileId {
        crate::source::SourceMap::new().add("t.yaml".into(), String::new())
    }

    fn tree(text: &str) -> Node<'_> {
        match parse(text, file()) {
            Ok(Some(node)) => node,
            other => panic!("{other:?}"),
        }
    }

    fn scalar<'a>(node: &'a Node) -> (&'a str, bool) {
        match &node.value {
            Value::Scalar { text, plain } => (text, *plain),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn spans_are_byte_offsets_of_the_values() {
        let text = "a: Örebro\nb: [x, 'y']\n";
        let root = tree(text);
        let Value::Map(entries) = &root.value else { panic!() };
        let (key, value) = &entries[0];
        assert_eq!(&text[key.start as usize..key.end as usize], "a");
        assert_eq!(&text[value.start as usize..value.end as usize], "Örebro");
        let Value::Seq(items) = &entries[1].1.value else { panic!() };
        assert_eq!(scalar(&items[0]), ("x", true));
        assert_eq!(scalar(&items[1]), ("y", false));
        assert_eq!(&text[items[1].start as usize..items[1].end as usize], "'y'");
    }

    #[test]
    fn an_empty_file_has_no_document() {
        assert!(matches!(parse("# only a comment\n", file()), Ok(None)));
        assert!(matches!(parse("", file()), Ok(None)));
    }

    #[test]
    fn a_second_document_is_refused() {
        let error = parse("a: 1\n---\nb: 2\n", file()).unwrap_err();
        assert!(error.message.contains("several"), "{}", error.message);
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let error = parse(&deep, file()).unwrap_err();
        assert!(error.message.contains("nested deeper"), "{}", error.message);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok, file()).is_ok());
    }

    #[test]
    fn an_alias_copies_its_anchor_at_the_alias_place() {
        let text = "a: &x [1, 2]\nb: *x\n";
        let root = tree(text);
        let Value::Map(entries) = &root.value else { panic!() };
        let alias = &entries[1].1;
        assert!(matches!(&alias.value, Value::Seq(items) if items.len() == 2));
        assert_eq!(&text[alias.start as usize..alias.end as usize], "*x");
    }

    #[test]
    fn tags_other_than_str_are_refused() {
        assert!(parse("a: !!str 12\n", file()).is_ok());
        assert!(parse("a: !!bool true\n", file()).is_err());
        assert!(parse("a: !custom {}\n", file()).is_err());
    }

    #[test]
    fn quoted_and_block_scalars_are_not_plain() {
        let root = tree("a: \"true\"\nb: |\n  text\nc: true\n");
        let Value::Map(entries) = &root.value else { panic!() };
        assert!(!scalar(&entries[0].1).1);
        assert!(!scalar(&entries[1].1).1);
        assert!(scalar(&entries[2].1).1);
    }
}
