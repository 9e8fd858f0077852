//! The framing pre-check hyper lacks. hyper already refuses with 400 a `Transfer-Encoding` whose last
//! coding is not `chunked` (`xchunked`, `chunked, identity`), two differing `Content-Length`s and
//! a `Content-Length` that is not one number (`1 0`); but a request with both `Content-Length` and
//! `Transfer-Encoding` it serves as chunked, dropping the length before the app can see it. The
//! request-smuggling rule here is stricter: such a request is refused. So the bytes a connection
//! reads pass through [`Sniffer`], which follows message boundaries (heads, length and chunked
//! bodies) and flags a head that carries both. Once it meets something it cannot follow it stops
//! looking: hyper refuses that message itself, and closes the connection.
//!
//! It also flags a chunked body whose chunk sizes add up past the body limit the moment the size
//! line arrives: hyper accepts any chunk size that fits in a u64 (`ffffffffffffffff`) and would
//! otherwise wait for those bytes until the body timeout.
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// Longest line followed; hyper refuses longer heads anyway.
const MAX_LINE: usize = 64 * 1024;

/// What the sniffer saw on one connection, for the request being served.
#[derive(Default)]
pub struct Flags {
    /// A head carried both `Content-Length` and `Transfer-Encoding`.
    pub ambiguous: AtomicBool,
    /// A chunked body announced more bytes than the body limit.
    pub oversize: AtomicBool,
    /// Wakes a body reader when `oversize` is set.
    pub notify: tokio::sync::Notify,
}

pub struct Sniffer {
    inner: TcpStream,
    track: Tracker,
    flags: Arc<Flags>,
}

impl Sniffer {
    pub fn new(inner: TcpStream, flags: Arc<Flags>, max_body: u64) -> Self {
        Self {
            inner,
            track: Tracker {
                max_body,
                ..Tracker::default()
            },
            flags,
        }
    }
}

impl AsyncRead for Sniffer {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let r = Pin::new(&mut this.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = &r {
            let seen = this.track.feed(&buf.filled()[before..]);
            if seen.ambiguous {
                this.flags.ambiguous.store(true, Ordering::SeqCst);
            }
            if seen.oversize {
                this.flags.oversize.store(true, Ordering::SeqCst);
                this.flags.notify.notify_one();
            }
        }
        r
    }
}

impl AsyncWrite for Sniffer {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }
    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[derive(Debug, Default, PartialEq)]
enum State {
    /// Reading a head's lines.
    #[default]
    Head,
    /// Skipping this many body bytes.
    Body(u64),
    /// Reading a chunk-size line.
    ChunkSize,
    /// Skipping a chunk's data and its CRLF.
    ChunkData(u64),
    /// Reading trailer lines up to the empty one.
    Trailers,
    /// Lost (or done): hyper refuses what follows, or the connection is closing.
    Off,
}

/// What one [`Tracker::feed`] found.
#[derive(Debug, Default, PartialEq)]
pub struct Seen {
    pub ambiguous: bool,
    pub oversize: bool,
}

/// Follows HTTP/1.1 message boundaries through a byte stream.
#[derive(Debug, Default)]
pub struct Tracker {
    /// Chunk sizes of one body adding up past this are flagged (0: no limit).
    max_body: u64,
    /// Chunk bytes of the current body so far.
    chunked_total: u64,
    state: State,
    line: Vec<u8>,
    /// Lines of the current head so far (the request line included).
    head_lines: usize,
    te: bool,
    cl: Option<Option<u64>>,
}

impl Tracker {
    /// Feeds bytes read.
    pub fn feed(&mut self, mut bytes: &[u8]) -> Seen {
        let mut flagged = Seen::default();
        while !bytes.is_empty() {
            match self.state {
                State::Off => return flagged,
                State::Body(n) | State::ChunkData(n) => {
                    let take = (bytes.len() as u64).min(n);
                    bytes = &bytes[take as usize..];
                    let left = n - take;
                    self.state = match (&self.state, left) {
                        (State::Body(_), 0) => State::Head,
                        (State::Body(_), l) => State::Body(l),
                        (_, 0) => State::ChunkSize,
                        (_, l) => State::ChunkData(l),
                    };
                }
                State::Head | State::ChunkSize | State::Trailers => {
                    let Some(i) = bytes.iter().position(|&b| b == b'\n') else {
                        self.line.extend_from_slice(bytes);
                        if self.line.len() > MAX_LINE {
                            self.state = State::Off;
                        }
                        return flagged;
                    };
                    self.line.extend_from_slice(&bytes[..i]);
                    bytes = &bytes[i + 1..];
                    let mut line = std::mem::take(&mut self.line);
                    if line.last() == Some(&b'\r') {
                        line.pop();
                    }
                    self.on_line(&line, &mut flagged);
                }
            }
        }
        flagged
    }

    fn on_line(&mut self, line: &[u8], seen: &mut Seen) {
        match self.state {
            State::Head => {
                if line.is_empty() {
                    if self.head_lines == 0 {
                        return; // empty lines before a request line are skipped
                    }
                    let (te, cl) = (self.te, self.cl.take());
                    self.te = false;
                    self.head_lines = 0;
                    self.chunked_total = 0;
                    self.state = match (te, cl) {
                        (true, Some(_)) => {
                            seen.ambiguous = true;
                            State::Off
                        }
                        (true, None) => State::ChunkSize,
                        (false, Some(Some(0)) | None) => State::Head,
                        (false, Some(Some(n))) => State::Body(n),
                        (false, Some(None)) => State::Off,
                    };
                    return;
                }
                self.head_lines += 1;
                if self.head_lines == 1 {
                    return;
                }
                let Some(colon) = line.iter().position(|&b| b == b':') else {
                    return;
                };
                let name = line[..colon].trim_ascii();
                let value = line[colon + 1..].trim_ascii();
                if name.eq_ignore_ascii_case(b"transfer-encoding") {
                    self.te = true;
                } else if name.eq_ignore_ascii_case(b"content-length") {
                    let n = std::str::from_utf8(value)
                        .ok()
                        .and_then(|v| v.parse::<u64>().ok());
                    self.cl = Some(match self.cl {
                        Some(prev) if prev != n => None,
                        _ => n,
                    });
                }
            }
            State::ChunkSize => {
                let size = std::str::from_utf8(line)
                    .ok()
                    .and_then(|l| l.split(';').next())
                    .and_then(|s| u64::from_str_radix(s.trim(), 16).ok());
                self.chunked_total = self.chunked_total.saturating_add(size.unwrap_or(0));
                if self.max_body > 0 && self.chunked_total > self.max_body {
                    seen.oversize = true;
                    self.state = State::Off;
                    return;
                }
                self.state = match size {
                    Some(0) => State::Trailers,
                    Some(n) => n.checked_add(2).map_or(State::Off, State::ChunkData),
                    None => State::Off,
                };
            }
            State::Trailers if line.is_empty() => self.state = State::Head,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_messages_and_flags_both_headers() {
        let mut t = Tracker::default();
        let stream = b"POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello\
POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nX: 1\r\n\r\n\
GET /c HTTP/1.1\r\n\r\n";
        // Byte by byte and whole: the same answer.
        assert!(!stream.iter().any(|b| t.feed(&[*b]).ambiguous));
        assert_eq!(t.state, State::Head);
        let mut t = Tracker::default();
        assert_eq!(t.feed(stream), Seen::default());
        let both = b"POST /d HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n";
        assert!(t.feed(both).ambiguous);
        let mut t = Tracker::default();
        let both = b"POST /d HTTP/1.1\r\ncontent-length: 3\r\ntransfer-encoding: x\r\n\r\n";
        assert!(t.feed(both).ambiguous);
        // A body that looks like a head is not one.
        let mut t = Tracker::default();
        let body = b"X\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n";
        let head = format!("POST / HTTP/1.1\r\nContent-Length: {}\r\n\r\n", body.len());
        assert_eq!(t.feed(&[head.as_bytes(), body].concat()), Seen::default());
        assert_eq!(t.state, State::Head);
    }

    #[test]
    fn flags_chunks_past_the_body_limit() {
        let limited = || Tracker {
            max_body: 10,
            ..Tracker::default()
        };
        let head = b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        let mut t = limited();
        assert_eq!(t.feed(head), Seen::default());
        assert_eq!(t.feed(b"6\r\nabcdef\r\n"), Seen::default());
        assert!(t.feed(b"5\r\n").oversize);
        let mut t = limited();
        assert!(
            t.feed(&[&head[..], b"ffffffffffffffff\r\n"].concat())
                .oversize
        );
    }
}
