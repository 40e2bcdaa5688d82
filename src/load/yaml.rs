//! The model's YAML reader: one pass over the parser's events into a flat
//! tree of nodes, each with its byte span in the file.
//!
//! The tree is what every later step reads, so a problem in one value (a
//! misspelt key, `yes` for a boolean) is found by `raw` without stopping the
//! rest of the file. Only what makes the file unreadable as YAML stops it here:
//! a syntax error, a second document, nesting deeper than [`MAX_DEPTH`], aliases
//! that expand past [`MAX_ALIAS_REPLAY_EVENTS`], or a tag other than `!!str`.
//!
//! The tree is one vector per file, its nodes in document order (a collection
//! before its items, each item's own items before the next item), so reading a
//! file allocates once for all its values rather than once per list and
//! mapping, and nothing is moved from a child's vector into its parent's.
//! Spans are byte offsets (`u32`: files are at most 256 MiB); line and column
//! are worked out only when a diagnostic is printed. Scalars borrow from the
//! file's text whenever the parser can give them unchanged.

use std::borrow::Cow;
use std::collections::HashMap;

use granit_parser::{Event, Parser, ScalarStyle, ScanError};

use super::{MAX_ALIAS_REPLAY_EVENTS, MAX_DEPTH};
use crate::diag::{Diagnostic, DiagnosticCode};
use crate::source::{FileId, Span};

/// A file's values, in document order.
#[derive(Debug, Default)]
pub struct Tree<'t> {
    nodes: Vec<Flat<'t>>,
}

impl<'t> Tree<'t> {
    /// The document's root; `None` for a file with no document.
    pub fn root(&self) -> Option<Node<'_, 't>> {
        (!self.nodes.is_empty()).then_some(Node { nodes: &self.nodes, at: 0 })
    }
}

/// One node of the flat tree.
#[derive(Clone, Debug)]
struct Flat<'t> {
    start: u32,
    end: u32,
    kind: Kind<'t>,
}

#[derive(Clone, Debug)]
enum Kind<'t> {
    Scalar {
        text: Cow<'t, str>,
        plain: bool,
    },
    /// A collection: how many items (or entries) it holds and how many nodes
    /// its subtree takes, itself included.
    Seq {
        len: u32,
        size: u32,
    },
    Map {
        len: u32,
        size: u32,
    },
}

impl Flat<'_> {
    /// How many nodes the subtree rooted here takes.
    fn size(&self) -> usize {
        match self.kind {
            Kind::Scalar { .. } => 1,
            Kind::Seq { size, .. } | Kind::Map { size, .. } => size as usize,
        }
    }
}

/// One YAML value with its place in the file: a view into a [`Tree`].
#[derive(Clone, Copy, Debug)]
pub struct Node<'a, 't> {
    nodes: &'a [Flat<'t>],
    at: usize,
}

/// A YAML value: a scalar, a list or a mapping.
#[derive(Clone, Copy, Debug)]
pub enum Value<'a, 't> {
    /// A scalar as written, after escapes; `plain` if it was not quoted
    /// (only plain scalars can be `true`, a number or null).
    Scalar {
        /// The text.
        text: &'a str,
        /// Whether it was written plain (unquoted, not a block scalar).
        plain: bool,
    },
    /// A sequence.
    Seq(Items<'a, 't>),
    /// A mapping, entries in file order (keys may repeat; `raw` refuses that).
    Map(Entries<'a, 't>),
}

impl<'a, 't> Node<'a, 't> {
    fn flat(&self) -> &'a Flat<'t> {
        &self.nodes[self.at]
    }

    /// Byte offset where the value starts.
    pub fn start(&self) -> u32 {
        self.flat().start
    }

    /// Byte offset where it ends. A collection's span is that of its opening
    /// (`{`, `[`, or nothing before a block's first entry), as the parser gives it.
    pub fn end(&self) -> u32 {
        self.flat().end
    }

    /// The node's span in `file`.
    pub fn span(&self, file: FileId) -> Span {
        Span::new(file, self.start() as usize..self.end() as usize)
    }

    /// The value.
    pub fn value(&self) -> Value<'a, 't> {
        let items = Items { nodes: self.nodes, next: self.at + 1, left: 0 };
        match &self.flat().kind {
            Kind::Scalar { text, plain } => Value::Scalar { text, plain: *plain },
            Kind::Seq { len, .. } => Value::Seq(Items { left: *len as usize, ..items }),
            Kind::Map { len, .. } => Value::Map(Entries(Items { left: 2 * *len as usize, ..items })),
        }
    }

    /// Whether the node is YAML's null: an empty value, `~` or `null` unquoted.
    pub fn is_null(&self) -> bool {
        matches!(&self.flat().kind, Kind::Scalar { text, plain: true } if matches!(&**text, "" | "~" | "null" | "Null" | "NULL"))
    }
}

/// The items of a sequence, in order.
#[derive(Clone, Copy, Debug)]
pub struct Items<'a, 't> {
    nodes: &'a [Flat<'t>],
    next: usize,
    left: usize,
}

impl<'a, 't> Iterator for Items<'a, 't> {
    type Item = Node<'a, 't>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        let node = Node { nodes: self.nodes, at: self.next };
        self.next += node.flat().size();
        self.left -= 1;
        Some(node)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Items<'_, '_> {}

/// The entries of a mapping, key and value, in order.
#[derive(Clone, Copy, Debug)]
pub struct Entries<'a, 't>(Items<'a, 't>);

impl<'a, 't> Iterator for Entries<'a, 't> {
    type Item = (Node<'a, 't>, Node<'a, 't>);

    fn next(&mut self) -> Option<Self::Item> {
        let key = self.0.next()?;
        let value = self.0.next()?;
        Some((key, value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.0.left / 2, Some(self.0.left / 2))
    }
}

impl ExactSizeIterator for Entries<'_, '_> {}

/// An anchored node, kept to be copied where an alias names it.
struct Anchor {
    /// Where its subtree is in the tree.
    at: usize,
    size: usize,
    /// The parser events the node stands for, aliases inside it expanded.
    events: usize,
}

/// A collection being read.
struct Frame {
    /// Its node's index in the tree.
    at: usize,
    anchor: usize,
    /// Items read, or keys and values of a mapping.
    items: u32,
    events: usize,
}

/// Reads `text` into a tree; an empty tree for a file with no document
/// (empty, or only comments). An error is the one problem that makes the file
/// unreadable.
pub fn parse(text: &str, file: FileId) -> Result<Tree<'_>, Box<Diagnostic>> {
    // The parser's own nesting limits (255) are left above ours, so that
    // ours speaks first; its scanner reads a little ahead of the events.
    let options = granit_parser::options! { emit_comments: false };
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Anchor> = HashMap::new();
    // About one node per 16 bytes of a model file.
    let mut nodes: Vec<Flat> = Vec::with_capacity(text.len() / 16);
    let mut documents = 0usize;
    let mut replayed = 0usize;
    let offset = |marker: &granit_parser::Marker| -> u32 {
        let offset = marker.byte_offset().unwrap_or_else(|| char_to_byte(text, marker.index()));
        u32::try_from(offset.min(text.len())).unwrap_or(u32::MAX)
    };
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|error| Box::new(scan_diagnostic(&error, text, file)))?;
        let (start, end) = (offset(&span.start), offset(&span.end));
        // The node just completed: where its subtree starts, the events it
        // stands for, and its anchor.
        let (at, events, anchor) = match event {
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
                nodes.push(Flat { start, end, kind: Kind::Scalar { text: value, plain } });
                (nodes.len() - 1, 1, anchor)
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
                    Kind::Seq { len: 0, size: 0 }
                } else {
                    Kind::Map { len: 0, size: 0 }
                };
                stack.push(Frame { at: nodes.len(), anchor, items: 0, events: 1 });
                nodes.push(Flat { start, end, kind });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else { continue };
                let whole = u32::try_from(nodes.len() - frame.at).unwrap_or(u32::MAX);
                match &mut nodes[frame.at].kind {
                    Kind::Seq { len, size } => (*len, *size) = (frame.items, whole),
                    // A key without its value (not emitted by the parser) is dropped.
                    Kind::Map { len, size } => (*len, *size) = (frame.items / 2, whole),
                    Kind::Scalar { .. } => {}
                }
                (frame.at, frame.events + 1, frame.anchor)
            }
            Event::Alias(id) => {
                let Some(anchor) = anchors.get(&id) else { continue };
                replayed += anchor.events;
                if replayed > MAX_ALIAS_REPLAY_EVENTS {
                    let used = Span::new(file, start as usize..end as usize);
                    let defined = nodes[anchor.at].start as usize;
                    let defined = Span::new(file, defined..defined);
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
                let at = nodes.len();
                nodes.extend_from_within(anchor.at..anchor.at + anchor.size);
                (nodes[at].start, nodes[at].end) = (start, end);
                (at, anchor.events, 0)
            }
            // Not emitted with these options.
            _ => continue,
        };
        if anchor != 0 {
            anchors.insert(anchor, Anchor { at, size: nodes.len() - at, events });
        }
        if let Some(frame) = stack.last_mut() {
            frame.events += events;
            frame.items += 1;
        }
    }
    Ok(Tree { nodes })
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

    fn tree(text: &str) -> Tree<'_> {
        match parse(text, file()) {
            Ok(tree) if tree.root().is_some() => tree,
            other => panic!("{other:?}"),
        }
    }

    fn scalar<'a>(node: Node<'a, '_>) -> (&'a str, bool) {
        match node.value() {
            Value::Scalar { text, plain } => (text, plain),
            other => panic!("{other:?}"),
        }
    }

    fn entries<'a, 't>(node: Node<'a, 't>) -> Vec<(Node<'a, 't>, Node<'a, 't>)> {
        match node.value() {
            Value::Map(entries) => entries.collect(),
            other => panic!("{other:?}"),
        }
    }

    fn items<'a, 't>(node: Node<'a, 't>) -> Vec<Node<'a, 't>> {
        match node.value() {
            Value::Seq(items) => items.collect(),
            other => panic!("{other:?}"),
        }
    }

    fn text_of<'t>(text: &'t str, node: Node) -> &'t str {
        &text[node.start() as usize..node.end() as usize]
    }

    #[test]
    fn spans_are_byte_offsets_of_the_values() {
        let text = "a: Örebro\nb: [x, 'y']\n";
        let tree = tree(text);
        let entries = entries(tree.root().unwrap());
        let (key, value) = entries[0];
        assert_eq!(text_of(text, key), "a");
        assert_eq!(text_of(text, value), "Örebro");
        let items = items(entries[1].1);
        assert_eq!(scalar(items[0]), ("x", true));
        assert_eq!(scalar(items[1]), ("y", false));
        assert_eq!(text_of(text, items[1]), "'y'");
    }

    #[test]
    fn nested_collections_are_read_in_order() {
        let text = "a: [[1, 2], {b: [3], c: 4}, 5]\nd: 6\n";
        let tree = tree(text);
        let entries = entries(tree.root().unwrap());
        assert_eq!(entries.len(), 2);
        let outer = items(entries[0].1);
        assert_eq!(outer.len(), 3);
        assert_eq!(items(outer[0]).into_iter().map(|n| scalar(n).0).collect::<Vec<_>>(), ["1", "2"]);
        let inner = self::entries(outer[1]);
        assert_eq!(scalar(inner[0].0).0, "b");
        assert_eq!(items(inner[0].1).into_iter().map(|n| scalar(n).0).collect::<Vec<_>>(), ["3"]);
        assert_eq!((scalar(inner[1].0).0, scalar(inner[1].1).0), ("c", "4"));
        assert_eq!(scalar(outer[2]).0, "5");
        assert_eq!((scalar(entries[1].0).0, scalar(entries[1].1).0), ("d", "6"));
    }

    #[test]
    fn an_empty_file_has_no_document() {
        assert!(matches!(parse("# only a comment\n", file()), Ok(tree) if tree.root().is_none()));
        assert!(matches!(parse("", file()), Ok(tree) if tree.root().is_none()));
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
        let text = "a: &x [1, {k: v}]\nb: *x\nc: 3\n";
        let tree = tree(text);
        let entries = entries(tree.root().unwrap());
        assert_eq!(entries.len(), 3);
        let alias = entries[1].1;
        let copied = items(alias);
        assert_eq!(copied.len(), 2);
        assert_eq!(scalar(copied[0]).0, "1");
        assert_eq!(scalar(self::entries(copied[1])[0].1).0, "v");
        assert_eq!(text_of(text, alias), "*x");
        assert_eq!(scalar(entries[2].1).0, "3");
    }

    #[test]
    fn tags_other_than_str_are_refused() {
        assert!(parse("a: !!str 12\n", file()).is_ok());
        assert!(parse("a: !!bool true\n", file()).is_err());
        assert!(parse("a: !custom {}\n", file()).is_err());
    }

    #[test]
    fn quoted_and_block_scalars_are_not_plain() {
        let tree = tree("a: \"true\"\nb: |\n  text\nc: true\n");
        let entries = entries(tree.root().unwrap());
        assert!(!scalar(entries[0].1).1);
        assert!(!scalar(entries[1].1).1);
        assert!(scalar(entries[2].1).1);
    }
}
