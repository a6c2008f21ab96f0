//! Joining pieces of text the way a reader would: a single space between words, none between
//! two CJK characters.

pub use crate::text::is_cjk;

/// Append `piece` to `out`, separated by one space unless both sides of the joint are CJK.
pub fn push_joined(out: &mut String, piece: &str) {
    let piece = piece.trim();
    if piece.is_empty() {
        return;
    }
    if let (Some(a), Some(b)) = (out.chars().last(), piece.chars().next())
        && !(is_cjk(a) && is_cjk(b))
        && !a.is_whitespace()
    {
        out.push(' ');
    }
    out.push_str(piece);
}

/// True for a line that could be a caption or title: it has letters and is not a
/// parenthesised remark such as "(Kèm theo Tờ trình số 82/TTr-UBND)".
pub fn is_title_shaped(text: &str) -> bool {
    let t = text.trim();
    let remark = t.starts_with('(') && t.ends_with(')');
    !t.is_empty() && !remark && t.chars().any(char::is_alphabetic)
}

/// Join pieces with `push_joined`.
pub fn join_pieces<'a>(pieces: impl IntoIterator<Item = &'a str>) -> String {
    let mut s = String::new();
    for p in pieces {
        push_joined(&mut s, p);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_latin_with_space_and_cjk_without() {
        assert_eq!(join_pieces(["Dự án 1:", "Giải quyết"]), "Dự án 1: Giải quyết");
        assert_eq!(join_pieces(["一般公共", "预算"]), "一般公共预算");
        assert_eq!(join_pieces(["金额", "(万元)"]), "金额 (万元)");
        assert_eq!(join_pieces(["金额", "（万元）"]), "金额（万元）");
        assert_eq!(join_pieces(["", "a", " ", "b"]), "a b");
    }
}
