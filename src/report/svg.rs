//! The chain as inline SVG, laid out here with no external program.
//!
//! The layout is a small layered one: each node keeps the column
//! [`Diagram`] gave it (controllers, processors, sub-processors, systems), and the
//! order inside each column is improved by a few barycentre sweeps (each node
//! moves towards the mean position of its neighbours in the next column), which
//! removes most crossings in graphs of this size. Ties are broken by node key, so
//! the same diagram always gives the same picture. Edges are cubic curves
//! between the facing sides of their nodes, with the attachment points spread
//! along each side in the order of the nodes at the other end.
//!
//! Every piece of model text is escaped before it enters the markup; the only
//! markup in the output is ours. Text width is estimated from the character
//! count, which is enough to wrap names in boxes of a fixed width.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::diagram::{
    CONTRACT_SHORT, Diagram, EdgeKind, Node, NodeKind, Zone, contract_words_in, edge_label, findings_label,
};

const NODE_WIDTH: f64 = 216.0;
const COLUMN_GAP: f64 = 120.0;
const ROW_GAP: f64 = 16.0;
const MARGIN: f64 = 20.0;
const HEADING: f64 = 34.0;
const NAME_LINE: f64 = 16.0;
/// The least vertical distance between two edge ends on one side of a node.
const PORT_GAP: f64 = 12.0;
const MAX_NAME_LINES: usize = 3;
/// Characters of a 13 px sans-serif name that fit on one line of a node.
const NAME_CHARS: usize = 28;
const LEGEND_HEIGHT: f64 = 112.0;
const LEGEND_WIDTH: f64 = 880.0;
/// Width of one character of a 10 px sans-serif edge label.
const LABEL_CHAR: f64 = 5.4;
/// The colour of a contract that engages no processor (a care agreement).
const CONTRACT: &str = "#5b3a8c";
/// Height of one line of the activity key under the legend.
const KEY_LINE: f64 = 15.0;
/// Room left of the first column for contracts that loop round it.
const LOOP_GUTTER: f64 = 56.0;
const FONT: &str = "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif";

/// Escapes text for SVG/XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Greedy word wrap to `width` characters, at most `max` lines, the last one
/// ending in `…` if text is left over. Overlong words are cut.
fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while word.chars().count() > width {
            let head: String = word.chars().take(width).collect();
            let tail: String = word.chars().skip(width).collect();
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(head);
            word = tail;
        }
        let fits = line.chars().count() + 1 + word.chars().count() <= width;
        if line.is_empty() {
            line = word;
        } else if fits {
            line.push(' ');
            line.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut line, word));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", kept.trim_end());
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// A node placed on the canvas.
struct Placed<'d> {
    node: &'d Node,
    lines: Vec<String>,
    x: f64,
    y: f64,
    height: f64,
}

impl Placed<'_> {
    fn centre_y(&self) -> f64 {
        self.y + self.height / 2.0
    }
}

fn node_height(lines: usize) -> f64 {
    14.0 + lines as f64 * NAME_LINE + 18.0
}

/// Orders each column by barycentre sweeps; returns node indices per column.
fn order(diagram: &Diagram) -> Vec<Vec<usize>> {
    let columns = diagram.columns.len().max(diagram.nodes.iter().map(|n| n.column + 1).max().unwrap_or(0));
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); columns];
    for (index, node) in diagram.nodes.iter().enumerate() {
        layers[node.column].push(index);
    }
    let index_of: BTreeMap<&str, usize> = diagram.nodes.iter().enumerate().map(|(i, n)| (n.key.as_str(), i)).collect();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); diagram.nodes.len()];
    for edge in &diagram.edges {
        if let (Some(&a), Some(&b)) = (index_of.get(edge.from.as_str()), index_of.get(edge.to.as_str())) {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
    }
    let mut position = vec![0.0_f64; diagram.nodes.len()];
    let place = |layers: &Vec<Vec<usize>>, position: &mut Vec<f64>| {
        for layer in layers {
            // Positions are relative to the layer's centre, so columns of
            // different lengths line up on their middles.
            let offset = (layer.len() as f64 - 1.0) / 2.0;
            for (i, &node) in layer.iter().enumerate() {
                position[node] = i as f64 - offset;
            }
        }
    };
    place(&layers, &mut position);
    let columns_in_order: Vec<usize> = (0..columns).collect();
    for sweep in 0..8 {
        let forward = sweep % 2 == 0;
        let sequence: Vec<usize> =
            if forward { columns_in_order.clone() } else { columns_in_order.iter().rev().copied().collect() };
        for &column in &sequence {
            let reference = |other: usize| {
                let c = diagram.nodes[other].column;
                if forward { c < column } else { c > column }
            };
            let mut keyed: Vec<(f64, &str, usize)> = layers[column]
                .iter()
                .map(|&node| {
                    let near: Vec<f64> =
                        neighbours[node].iter().filter(|&&o| reference(o)).map(|&o| position[o]).collect();
                    let bary =
                        if near.is_empty() { position[node] } else { near.iter().sum::<f64>() / near.len() as f64 };
                    (bary, diagram.nodes[node].key.as_str(), node)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1)));
            layers[column] = keyed.into_iter().map(|(_, _, node)| node).collect();
            place(&layers, &mut position);
        }
    }
    layers
}

/// The sides an edge leaves and enters by (`true` for the right): the side
/// facing the other end; between two nodes of one column, a contract goes
/// round the left of the column and any other edge round the right, so that a
/// region's care agreement with a care provider does not cross the provider's
/// processors.
fn sides(kind: EdgeKind, from: usize, to: usize) -> (bool, bool) {
    if from == to && kind == EdgeKind::Contract { (false, false) } else { (to >= from, to <= from) }
}

/// The left edge of the first column: wider when contracts loop round the
/// left of a column.
fn left(diagram: &Diagram) -> f64 {
    let column: BTreeMap<&str, usize> = diagram.nodes.iter().map(|n| (n.key.as_str(), n.column)).collect();
    let looping = diagram.edges.iter().any(|e| {
        e.kind == EdgeKind::Contract
            && column.get(e.from.as_str()).is_some_and(|c| column.get(e.to.as_str()) == Some(c))
    });
    if looping { MARGIN + LOOP_GUTTER } else { MARGIN }
}

/// How many edges end on each side of each node (`true` for the right side),
/// so that a node with many edges is tall enough to keep their ends apart.
fn port_counts(diagram: &Diagram) -> BTreeMap<(&str, bool), usize> {
    // A map, not a search of the nodes per edge: that was quadratic.
    let columns: BTreeMap<&str, usize> = diagram.nodes.iter().map(|n| (n.key.as_str(), n.column)).collect();
    let column = |key: &str| columns.get(key).copied();
    let mut counts = BTreeMap::new();
    for edge in &diagram.edges {
        let (Some(from), Some(to)) = (column(&edge.from), column(&edge.to)) else { continue };
        let (from_right, to_right) = sides(edge.kind, from, to);
        *counts.entry((edge.from.as_str(), from_right)).or_insert(0) += 1;
        *counts.entry((edge.to.as_str(), to_right)).or_insert(0) += 1;
    }
    counts
}

/// Renders the diagram as a standalone `<svg>` element.
pub fn render(diagram: &Diagram) -> String {
    let layers = order(diagram);
    let ports = port_counts(diagram);
    let left = left(diagram);
    let height_of = |node: &Node, lines: usize| {
        let most = [false, true].iter().map(|side| ports.get(&(node.key.as_str(), *side)).copied().unwrap_or(0)).max();
        node_height(lines).max(16.0 + PORT_GAP * most.unwrap_or(0) as f64)
    };
    let mut placed: Vec<Option<Placed<'_>>> = diagram.nodes.iter().map(|_| None).collect();
    let mut heights = Vec::new();
    for layer in &layers {
        let mut total = 0.0;
        for &index in layer {
            let node = &diagram.nodes[index];
            let lines = wrap(&node.name, NAME_CHARS, MAX_NAME_LINES);
            total += height_of(node, lines.len()) + ROW_GAP;
        }
        heights.push((total - ROW_GAP).max(0.0));
    }
    let tallest = heights.iter().copied().fold(0.0, f64::max);
    for (column, layer) in layers.iter().enumerate() {
        let x = left + column as f64 * (NODE_WIDTH + COLUMN_GAP);
        let mut y = MARGIN + HEADING + (tallest - heights[column]) / 2.0;
        for &index in layer {
            let node = &diagram.nodes[index];
            let lines = wrap(&node.name, NAME_CHARS, MAX_NAME_LINES);
            let height = height_of(node, lines.len());
            placed[index] = Some(Placed { node, lines, x, y, height });
            y += height + ROW_GAP;
        }
    }
    let placed: Vec<Placed<'_>> = placed.into_iter().flatten().collect();
    let columns = left + MARGIN + layers.len() as f64 * NODE_WIDTH + (layers.len().max(1) - 1) as f64 * COLUMN_GAP;
    // Wide enough for the legend, however few the columns.
    let width = columns.max(LEGEND_WIDTH);
    let height = MARGIN * 2.0 + HEADING + tallest + 24.0 + LEGEND_HEIGHT + key_height(diagram);

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chain\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"chain-title\" font-family=\"{}\">",
        xml_escape(FONT)
    );
    let _ = writeln!(
        out,
        "<title id=\"chain-title\">{}</title>",
        xml_escape(&crate::render::fixed("svg-title", diagram.lang, &[]))
    );
    out.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4a4f57\"/></marker></defs>\n");
    for (column, title) in diagram.columns.iter().enumerate() {
        let x = left + column as f64 * (NODE_WIDTH + COLUMN_GAP);
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" font-weight=\"700\" letter-spacing=\"0.08em\" fill=\"#5b6470\">{}</text>",
            MARGIN + 12.0,
            xml_escape(&title.to_uppercase())
        );
    }
    edges(&mut out, diagram, &placed);
    for node in &placed {
        draw_node(&mut out, node, diagram.lang);
    }
    legend(&mut out, diagram, MARGIN, height - LEGEND_HEIGHT - key_height(diagram) - MARGIN / 2.0, width);
    out.push_str("</svg>");
    out
}

/// Draws every edge, spreading the ends along each node's side.
fn edges(out: &mut String, diagram: &Diagram, placed: &[Placed<'_>]) {
    // The first placed node with each key, as a search of `placed` would find it.
    let mut by_key: BTreeMap<&str, &Placed<'_>> = BTreeMap::new();
    for node in placed {
        by_key.entry(node.node.key.as_str()).or_insert(node);
    }
    let find = |key: &str| by_key.get(key).copied();
    // (node key, side) → the y of the other end of each edge there, in edge order.
    let mut ports: BTreeMap<(&str, bool), Vec<(f64, usize)>> = BTreeMap::new();
    let mut ends = Vec::new();
    let mut labels: Vec<(f64, f64, String, EdgeKind)> = Vec::new();
    for (index, edge) in diagram.edges.iter().enumerate() {
        let (Some(from), Some(to)) = (find(&edge.from), find(&edge.to)) else { continue };
        // Leave from the side facing the target; a same-column edge leaves and
        // enters on the right.
        let (from_right, to_right) = sides(edge.kind, from.node.column, to.node.column);
        ports.entry((from.node.key.as_str(), from_right)).or_default().push((to.centre_y(), index));
        ports.entry((to.node.key.as_str(), to_right)).or_default().push((from.centre_y(), index));
        ends.push((index, edge, from, to, from_right, to_right));
    }
    let mut at: BTreeMap<(&str, bool, usize), f64> = BTreeMap::new();
    for ((key, side), list) in &mut ports {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let Some(node) = find(key) else { continue };
        let n = list.len() as f64;
        for (i, (_, edge)) in list.iter().enumerate() {
            let spread = (node.height - 16.0).max(0.0);
            let y = node.y + 8.0 + spread * (i as f64 + 1.0) / (n + 1.0);
            at.insert((key, *side, *edge), y);
        }
    }
    for (index, edge, from, to, from_right, to_right) in ends {
        let y1 = at.get(&(from.node.key.as_str(), from_right, index)).copied().unwrap_or(from.centre_y());
        let y2 = at.get(&(to.node.key.as_str(), to_right, index)).copied().unwrap_or(to.centre_y());
        let x1 = if from_right { from.x + NODE_WIDTH } else { from.x };
        let x2 = if to_right { to.x + NODE_WIDTH } else { to.x };
        let bend = ((x2 - x1).abs() / 2.0).max(48.0);
        let (c1, c2) = if from_right && !to_right {
            (x1 + bend, x2 - bend)
        } else if !from_right && to_right {
            (x1 - bend, x2 + bend)
        } else if from_right {
            (x1 + bend, x2 + bend)
        } else {
            (x1 - bend, x2 - bend)
        };
        let d = format!("M{x1:.1},{y1:.1} C{c1:.1},{y1:.1} {c2:.1},{y2:.1} {x2:.1},{y2:.1}");
        let activities = xml_escape(&edge.activities.join(", "));
        let (from_name, to_name) = (xml_escape(&from.node.name), xml_escape(&to.node.name));
        // The label sits where the curve is at t = 1/2, or for an edge that
        // leaves and enters on one side, at its bend.
        let label = edge_label(edge, true, diagram.lang);
        if !label.is_empty() {
            let mx = (x1 + 3.0 * c1 + 3.0 * c2 + x2) / 8.0;
            let my = (y1 + y2) / 2.0;
            labels.push((mx, my, label, edge.kind));
        }
        // The tooltip, in the diagram's language, around escaped model text.
        let tooltip = |key: &str, kinds: String| {
            let args = [
                ("from", from_name.clone().into()),
                ("to", to_name.clone().into()),
                ("activities", activities.clone().into()),
                ("kinds", kinds.into()),
            ];
            crate::render::fixed(key, diagram.lang, &args)
        };
        match edge.kind {
            EdgeKind::Engages => {
                let title = tooltip("svg-engages", String::new());
                let _ = writeln!(
                    out,
                    "<path d=\"{d}\" fill=\"none\" stroke=\"#4a4f57\" stroke-width=\"1.6\" marker-end=\"url(#arrow)\"><title>{title}</title></path>"
                );
            }
            EdgeKind::Contract => {
                let kinds: Vec<String> =
                    edge.contracts.iter().map(|c| contract_words_in(c, false, diagram.lang)).collect();
                let title = tooltip("svg-contract", xml_escape(&kinds.join(", ")));
                let _ = writeln!(
                    out,
                    "<path d=\"{d}\" fill=\"none\" stroke=\"{CONTRACT}\" stroke-width=\"1.5\" stroke-dasharray=\"9 3 2 3\"><title>{title}</title></path>"
                );
            }
            EdgeKind::Uses => {
                let title = tooltip("svg-uses", String::new());
                let _ = writeln!(
                    out,
                    "<path d=\"{d}\" fill=\"none\" stroke=\"#8a919b\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"><title>{title}</title></path>"
                );
            }
        }
    }
    // Labels last, over every line, each on a white ground.
    for (x, y, label, kind) in labels {
        let colour = match kind {
            EdgeKind::Engages => "#2b3036",
            EdgeKind::Contract => CONTRACT,
            EdgeKind::Uses => "#5b6470",
        };
        let width = label.chars().count() as f64 * LABEL_CHAR + 6.0;
        let _ = writeln!(
            out,
            "<g class=\"edge-label\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"13\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"{colour}\" text-anchor=\"middle\">{}</text></g>",
            x - width / 2.0,
            y - 7.5,
            y + 3.0,
            xml_escape(&label)
        );
    }
}

fn draw_node(out: &mut String, placed: &Placed<'_>, lang: crate::render::Lang) {
    let node = placed.node;
    let (fill, stroke) = node.zone.colours();
    let marked = node.findings > 0;
    let (stroke, stroke_width) = if marked { ("#b3261e", 2.4) } else { (stroke, 1.2) };
    let radius = match node.kind {
        NodeKind::Party => 9.0,
        NodeKind::System => 2.0,
    };
    let (x, y, h) = (placed.x, placed.y, placed.height);
    let mut tooltip = format!("{} ({})", node.name, node.detail);
    if marked {
        tooltip.push_str(&format!(": {}", findings_label(node.findings, lang)));
    }
    let _ = writeln!(out, "<g class=\"node {}\"><title>{}</title>", node.zone.class(), xml_escape(&tooltip));
    let _ = writeln!(
        out,
        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{NODE_WIDTH:.0}\" height=\"{h:.1}\" rx=\"{radius}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"/>"
    );
    if node.kind == NodeKind::System {
        // A band across the top tells systems from parties without colour.
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{NODE_WIDTH:.0}\" height=\"5\" fill=\"{}\"/>",
            node.zone.colours().1
        );
    }
    for (i, line) in placed.lines.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" font-weight=\"600\" fill=\"#16191d\">{}</text>",
            x + 12.0,
            y + 22.0 + i as f64 * NAME_LINE,
            xml_escape(line)
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#4b525c\">{}</text>",
        x + 12.0,
        y + 22.0 + placed.lines.len() as f64 * NAME_LINE + 2.0,
        xml_escape(&node.detail)
    );
    if marked {
        let text = node.findings.to_string();
        let width = 14.0 + 7.0 * text.len() as f64;
        let bx = x + NODE_WIDTH - width / 2.0 - 4.0;
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"18\" rx=\"9\" fill=\"#b3261e\"/><text x=\"{bx:.1}\" y=\"{:.1}\" font-size=\"11\" font-weight=\"700\" fill=\"#ffffff\" text-anchor=\"middle\">{text}</text>",
            bx - width / 2.0,
            y - 9.0,
            y + 4.0
        );
    }
    out.push_str("</g>\n");
}

/// The height of the activity key: two columns of one line per activity.
fn key_height(diagram: &Diagram) -> f64 {
    if diagram.key.is_empty() { 0.0 } else { 8.0 + diagram.key.len().div_ceil(2) as f64 * KEY_LINE }
}

/// The width of a line of 11 px sans-serif: about 5.7 px per character.
fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * 5.7
}

fn legend(out: &mut String, diagram: &Diagram, x: f64, y: f64, width: f64) {
    let word = |key: &str| xml_escape(&crate::render::fixed(key, diagram.lang, &[]));
    let (engages, uses, open, system, contract) = (
        word("legend-engages"),
        word("legend-uses"),
        word("legend-open"),
        word("legend-system"),
        word("legend-contract"),
    );
    // Each entry is as wide as its words need, and at least as wide as the
    // English legend always drew it.
    let after = |lead: f64, text: &str, least: f64| (lead + text_width(text) + 24.0).max(least);
    let _ = writeln!(out, "<g class=\"legend\" font-size=\"11\" fill=\"#2b3036\">");
    let mut cx = x;
    for zone in [Zone::Eea, Zone::Adequate, Zone::ThirdCountry] {
        let (fill, stroke) = zone.colours();
        let _ = writeln!(
            out,
            "<rect x=\"{cx:.1}\" y=\"{y:.1}\" width=\"18\" height=\"12\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            cx + 24.0,
            y + 10.0,
            xml_escape(&zone.label(diagram.lang))
        );
        // About 5.7 px per character of 11 px sans-serif, then a gap.
        cx += 24.0 + text_width(&zone.label(diagram.lang)) + 30.0;
    }
    let y2 = y + 26.0;
    let _ = writeln!(
        out,
        "<path d=\"M{x:.1},{:.1} h34\" stroke=\"#4a4f57\" stroke-width=\"1.6\" marker-end=\"url(#arrow)\"/><text x=\"{:.1}\" y=\"{:.1}\">{engages}</text>",
        y2 + 6.0,
        x + 44.0,
        y2 + 10.0
    );
    let ux = x + after(44.0, &engages, 250.0);
    let _ = writeln!(
        out,
        "<path d=\"M{ux:.1},{:.1} h34\" stroke=\"#8a919b\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"/><text x=\"{:.1}\" y=\"{:.1}\">{uses}</text>",
        y2 + 6.0,
        ux + 44.0,
        y2 + 10.0
    );
    let bx = ux + after(44.0, &uses, 170.0);
    let _ = writeln!(
        out,
        "<rect x=\"{bx:.1}\" y=\"{:.1}\" width=\"21\" height=\"18\" rx=\"9\" fill=\"#b3261e\"/><text x=\"{:.1}\" y=\"{:.1}\" font-weight=\"700\" fill=\"#ffffff\" text-anchor=\"middle\">3</text><text x=\"{:.1}\" y=\"{:.1}\">{open}</text>",
        y2 - 3.0,
        bx + 10.5,
        y2 + 10.0,
        bx + 30.0,
        y2 + 10.0
    );
    let sx = bx + after(30.0, &open, 260.0);
    let _ = writeln!(
        out,
        "<rect x=\"{sx:.1}\" y=\"{:.1}\" width=\"18\" height=\"12\" fill=\"#ffffff\" stroke=\"#4a4f57\"/><rect x=\"{sx:.1}\" y=\"{:.1}\" width=\"18\" height=\"3\" fill=\"#4a4f57\"/><text x=\"{:.1}\" y=\"{:.1}\">{system}</text>",
        y2,
        y2,
        sx + 24.0,
        y2 + 10.0
    );
    // Contracts, and the short forms the edge labels use.
    let y3 = y2 + 26.0;
    let _ = writeln!(
        out,
        "<path d=\"M{x:.1},{:.1} h34\" stroke=\"{CONTRACT}\" stroke-width=\"1.5\" stroke-dasharray=\"9 3 2 3\"/><text x=\"{:.1}\" y=\"{:.1}\">{contract}</text>",
        y3 + 6.0,
        x + 44.0,
        y3 + 10.0
    );
    let used: Vec<String> = CONTRACT_SHORT
        .iter()
        .filter(|(long, _)| diagram.edges.iter().any(|e| e.contracts.iter().any(|c| c == long)))
        .map(|(long, _)| {
            let (short, long) =
                (contract_words_in(long, true, diagram.lang), contract_words_in(long, false, diagram.lang));
            format!("{short}: {long}")
        })
        .collect();
    if !used.is_empty() {
        let labels = crate::render::fixed("legend-labels", diagram.lang, &[("labels", used.join(" · ").into())]);
        let _ = writeln!(out, "<text x=\"{x:.1}\" y=\"{:.1}\">{}</text>", y3 + 30.0, xml_escape(&labels));
    }
    // The activities the labels name.
    let column = (width - 2.0 * x) / 2.0;
    let chars = ((column - 40.0) / 5.7).max(20.0) as usize;
    for (i, entry) in diagram.key.iter().enumerate() {
        let (cx, cy) = (x + (i % 2) as f64 * column, y3 + 52.0 + (i / 2) as f64 * KEY_LINE);
        let name = wrap(&entry.name, chars, 1).join("");
        let _ = writeln!(
            out,
            "<text x=\"{cx:.1}\" y=\"{cy:.1}\"><tspan font-weight=\"700\">{}</tspan> {}</text>",
            xml_escape(&entry.key),
            xml_escape(&name)
        );
    }
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_names_is_escaped() {
        assert_eq!(
            xml_escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn names_wrap_at_words_and_are_cut_with_an_ellipsis() {
        assert_eq!(wrap("Voice Integrate Nordic AB", 28, 3), vec!["Voice Integrate Nordic AB"]);
        assert_eq!(
            wrap("Sveriges Kommuner och Regioner (SKR)", 20, 3),
            vec!["Sveriges Kommuner", "och Regioner (SKR)"]
        );
        assert_eq!(wrap("a b c d e f", 3, 2), vec!["a b", "c…"]);
        assert_eq!(wrap("abcdefgh", 3, 5), vec!["abc", "def", "gh"]);
    }
}
