//! The screen as the start-up bench sees it, from outside any app: frames of the Xvfb display
//! grabbed with `xwd` (x11-apps), how many pixels two frames differ by, and a watch that reads
//! the time to the first painted frame and to visually complete (the first frame after which
//! the screen no longer changes) off the frames alone, whatever the app reports about itself.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::cmd::Result;

/// Fewer differing pixels than this are not a change: a text caret blinking is a few dozen,
/// a screen's first paint or a redraw is tens of thousands (0.1 % of a 1280×800 display).
pub const CHANGE_PIXELS: usize = 1024;
/// Nor is a change that fits in a strip this narrow, however long: GTK's overlay scrollbar
/// fades in and out over a page taller than the window for seconds after it is drawn.
pub const STRIP_PIXELS: usize = 12;
/// The screen has to hold still this long to count as complete.
pub const QUIET: Duration = Duration::from_secs(2);

/// One grab of the whole display, as `xwd` writes it: a header, then rows of 32-bit pixels.
pub struct Frame {
    bytes: Vec<u8>,
    /// Where the pixels start, and each row's length in bytes.
    start: usize,
    row: usize,
}

/// A big-endian field of the XWD header (X11's XWDFileHeader: 25 32-bit fields).
fn field(bytes: &[u8], n: usize) -> Option<usize> {
    let b = bytes.get(n * 4..n * 4 + 4)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

impl Frame {
    fn new(bytes: Vec<u8>) -> Frame {
        // header_size (0), bytes_per_line (12), ncolors (19); each colour entry is 12 bytes.
        let start = field(&bytes, 0).unwrap_or(0) + field(&bytes, 19).unwrap_or(0) * 12;
        let row = field(&bytes, 12)
            .filter(|r| *r > 0)
            .unwrap_or(bytes.len().max(1));
        Frame {
            start: start.min(bytes.len()),
            row,
            bytes,
        }
    }

    fn pixels(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

/// Grabs the root window of `display`. A grab that meets a window being mapped or destroyed
/// can fail; it is tried again a few times before that counts.
pub fn grab(display: &str) -> Result<Frame> {
    let mut last = String::new();
    for _ in 0..5 {
        let out = Command::new("xwd")
            .args(["-root", "-silent", "-display", display])
            .output()
            .map_err(|e| format!("could not run xwd (apt package x11-apps): {e}"))?;
        if out.status.success() && !out.stdout.is_empty() {
            return Ok(Frame::new(out.stdout));
        }
        last = format!(
            "{}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Err(format!("xwd could not grab {display} ({last})"))
}

/// How two frames differ: pixels (4-byte groups) and the box around them.
#[derive(Debug, PartialEq, Eq)]
pub struct Difference {
    pub pixels: usize,
    pub width: usize,
    pub height: usize,
}

/// Where `a` and `b` differ; frames of another layout differ everywhere.
pub fn difference(a: &Frame, b: &Frame) -> Difference {
    let (pa, pb) = (a.pixels(), b.pixels());
    if pa.len() != pb.len() || a.row != b.row {
        let rows = pa.len().max(pb.len()) / a.row.max(1);
        return Difference {
            pixels: pa.len().max(pb.len()) / 4,
            width: a.row / 4,
            height: rows,
        };
    }
    let (mut pixels, mut left, mut right, mut top, mut bottom) = (0, usize::MAX, 0, usize::MAX, 0);
    for (y, (ra, rb)) in pa.chunks(a.row).zip(pb.chunks(b.row)).enumerate() {
        if ra == rb {
            continue;
        }
        for (x, (qa, qb)) in ra.chunks_exact(4).zip(rb.chunks_exact(4)).enumerate() {
            if qa != qb {
                pixels += 1;
                left = left.min(x);
                right = right.max(x);
            }
        }
        top = top.min(y);
        bottom = bottom.max(y);
    }
    if pixels == 0 {
        return Difference {
            pixels: 0,
            width: 0,
            height: 0,
        };
    }
    Difference {
        pixels,
        width: right - left + 1,
        height: bottom - top + 1,
    }
}

/// Whether the screen changed in a way a person sees as content: enough pixels, over a box
/// wider and taller than a caret or a scrollbar.
pub fn changed(a: &Frame, b: &Frame) -> bool {
    let d = difference(a, b);
    d.pixels >= CHANGE_PIXELS && d.width > STRIP_PIXELS && d.height > STRIP_PIXELS
}

/// When the screen first changed from `blank`, and when it last changed before holding still
/// for [`QUIET`], both measured from `started`; `None` where that did not happen within `limit`.
pub struct Timeline {
    pub first_paint: Option<Duration>,
    pub complete: Option<Duration>,
    pub frames: usize,
}

/// Grabs frames as fast as `xwd` allows until the screen has held still for [`QUIET`] after its
/// first change, or `limit` has passed. Each frame is timed at the start of its grab.
pub fn watch(display: &str, started: Instant, blank: &Frame, limit: Duration) -> Result<Timeline> {
    let mut previous: Option<Frame> = None;
    let mut first_paint = None;
    let mut last_change = None;
    let mut frames = 0;
    loop {
        let at = started.elapsed();
        if at > limit {
            break;
        }
        let frame = grab(display)?;
        frames += 1;
        if first_paint.is_none() && changed(&frame, blank) {
            first_paint = Some(at);
            last_change = Some(at);
        } else if let Some(before) = &previous {
            if first_paint.is_some() && changed(&frame, before) {
                last_change = Some(at);
            }
        }
        if let Some(changed) = last_change {
            if at.saturating_sub(changed) >= QUIET {
                return Ok(Timeline {
                    first_paint,
                    complete: Some(changed),
                    frames,
                });
            }
        }
        previous = Some(frame);
    }
    Ok(Timeline {
        first_paint,
        complete: None,
        frames,
    })
}

#[cfg(test)]
mod tests {
    use super::{changed, difference, Difference, Frame};

    /// A frame of `w`×`h` pixels after a 100-byte header with no colour map, `lit` set.
    fn frame(w: usize, h: usize, lit: &[(usize, usize)]) -> Frame {
        let mut bytes = vec![0u8; 100 + w * h * 4];
        bytes[..4].copy_from_slice(&100u32.to_be_bytes());
        bytes[48..52].copy_from_slice(&((w * 4) as u32).to_be_bytes());
        for (x, y) in lit {
            bytes[100 + (y * w + x) * 4] = 0xff;
        }
        Frame::new(bytes)
    }

    #[test]
    fn a_difference_is_counted_in_pixels_with_its_box() {
        let a = frame(10, 10, &[]);
        let b = frame(10, 10, &[(1, 2), (4, 7)]);
        let d = difference(&a, &b);
        assert_eq!(
            d,
            Difference {
                pixels: 2,
                width: 4,
                height: 6
            }
        );
        assert_eq!(difference(&a, &a).pixels, 0);
    }

    #[test]
    fn a_strip_is_not_a_change_however_long_but_a_block_is() {
        let blank = frame(200, 200, &[]);
        let strip: Vec<_> = (0..200)
            .flat_map(|y| (0..8).map(move |x| (190 + x, y)))
            .collect();
        assert!(!changed(&blank, &frame(200, 200, &strip)), "a scrollbar");
        let block: Vec<_> = (0..40).flat_map(|y| (0..40).map(move |x| (x, y))).collect();
        assert!(changed(&blank, &frame(200, 200, &block)), "a drawn card");
        let few: Vec<_> = (0..20)
            .flat_map(|y| (0..20).map(move |x| (x * 9, y * 9)))
            .collect();
        assert!(
            !changed(&blank, &frame(200, 200, &few)),
            "400 scattered pixels"
        );
    }
}
