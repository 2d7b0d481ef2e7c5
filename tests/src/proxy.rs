//! A fault-injecting TCP proxy for the bad-network scenario: agents talk to it, it talks to
//! the collector, and each connection it accepts meets one fault plan — pass cleanly, delay
//! every chunk, refuse, reset at once, cut the request mid-body, cut the answer (the
//! collector has already stored the batch: the "lost acknowledgement"), reset mid-stream, or
//! hold the answer longer than the agent waits.
//!
//! The plans come from a seeded [`Rng`]: the sequence of plans is fixed by the seed; which
//! request meets which plan depends on timing. Listens on 127.0.0.1 only.

use crate::rng::Rng;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};

/// Relative weights of the fault plans.
#[derive(Debug, Clone, Copy)]
pub struct FaultMix {
    pub clean: u32,
    pub delay: u32,
    pub refuse: u32,
    pub reset: u32,
    pub cut_request: u32,
    pub cut_response: u32,
    pub reset_mid: u32,
    pub stall: u32,
    /// How long a stalled answer is held: longer than the agents' request timeout.
    pub stall_for: Duration,
}

impl Default for FaultMix {
    fn default() -> Self {
        FaultMix {
            clean: 20,
            delay: 10,
            refuse: 10,
            reset: 10,
            cut_request: 10,
            cut_response: 12,
            reset_mid: 8,
            stall: 5,
            stall_for: Duration::from_millis(4_000),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    Clean,
    Delay { max_ms: u64 },
    Refuse,
    Reset,
    CutRequest(u64),
    CutResponse(u64),
    ResetMid(u64),
    Stall(Duration),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Request,
    Response,
}

enum End {
    /// The reading side ended; the other side was told (FIN).
    Eof,
    /// The connection must end now (a fault, or the other side is gone).
    Abort,
}

const CONNECTIONS: usize = 0;
const CLEAN: usize = 1;
const DELAYED: usize = 2;
const REFUSED: usize = 3;
const RESET: usize = 4;
const CUT_REQUEST: usize = 5;
const CUT_RESPONSE: usize = 6;
const RESET_MID: usize = 7;
const STALLED: usize = 8;
const UPSTREAM_DOWN: usize = 9;

/// What the proxy did, by kind. A cut or mid-stream reset counts only when its byte limit was
/// reached (the connection carried that much).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProxyCounts {
    pub connections: u64,
    pub clean: u64,
    pub delayed: u64,
    pub refused: u64,
    pub reset: u64,
    pub cut_request: u64,
    pub cut_response: u64,
    pub reset_mid: u64,
    pub stalled: u64,
    /// Connections closed because the collector could not be reached.
    pub upstream_down: u64,
}

impl ProxyCounts {
    /// Faults that happened (delays included).
    pub fn faults(&self) -> u64 {
        self.delayed
            + self.refused
            + self.reset
            + self.cut_request
            + self.cut_response
            + self.reset_mid
            + self.stalled
    }
}

#[derive(Default)]
struct Stats([AtomicU64; 10]);

impl Stats {
    fn add(&self, i: usize) {
        self.0[i].fetch_add(1, Ordering::Relaxed);
    }
    fn get(&self, i: usize) -> u64 {
        self.0[i].load(Ordering::Relaxed)
    }
}

/// A running proxy; stopped when dropped.
pub struct FaultProxy {
    addr: SocketAddr,
    stats: Arc<Stats>,
    faults_on: Arc<AtomicBool>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl FaultProxy {
    /// Listens on 127.0.0.1 (a free port) and forwards to `upstream` with faults from `mix`.
    pub fn start(upstream: SocketAddr, seed: u64, mix: FaultMix) -> FaultProxy {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("starting the proxy's runtime: {e}"));
        let listener = runtime
            .block_on(TcpListener::bind("127.0.0.1:0"))
            .unwrap_or_else(|e| panic!("binding the proxy: {e}"));
        let addr = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("the proxy's address: {e}"));
        let stats = Arc::new(Stats::default());
        let faults_on = Arc::new(AtomicBool::new(true));
        runtime.spawn(accept_loop(
            listener,
            upstream,
            Rng::new(seed),
            mix,
            stats.clone(),
            faults_on.clone(),
        ));
        FaultProxy {
            addr,
            stats,
            faults_on,
            runtime: Some(runtime),
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Turns faults off (every new connection is clean) or on again.
    pub fn set_faults(&self, on: bool) {
        self.faults_on.store(on, Ordering::SeqCst);
    }

    pub fn counts(&self) -> ProxyCounts {
        let s = &self.stats;
        ProxyCounts {
            connections: s.get(CONNECTIONS),
            clean: s.get(CLEAN),
            delayed: s.get(DELAYED),
            refused: s.get(REFUSED),
            reset: s.get(RESET),
            cut_request: s.get(CUT_REQUEST),
            cut_response: s.get(CUT_RESPONSE),
            reset_mid: s.get(RESET_MID),
            stalled: s.get(STALLED),
            upstream_down: s.get(UPSTREAM_DOWN),
        }
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

fn choose(rng: &mut Rng, mix: &FaultMix) -> Plan {
    let weights = [
        mix.clean,
        mix.delay,
        mix.refuse,
        mix.reset,
        mix.cut_request,
        mix.cut_response,
        mix.reset_mid,
        mix.stall,
    ];
    match rng.weighted(&weights) {
        0 => Plan::Clean,
        1 => Plan::Delay {
            max_ms: rng.range(20, 200),
        },
        2 => Plan::Refuse,
        3 => Plan::Reset,
        // A batch of 100 records is some 30-40 KB; an answer a few KB.
        4 => Plan::CutRequest(rng.below(120_000)),
        5 => Plan::CutResponse(rng.below(12_000)),
        6 => Plan::ResetMid(rng.below(60_000)),
        _ => Plan::Stall(mix.stall_for),
    }
}

async fn accept_loop(
    listener: TcpListener,
    upstream: SocketAddr,
    mut rng: Rng,
    mix: FaultMix,
    stats: Arc<Stats>,
    faults_on: Arc<AtomicBool>,
) {
    loop {
        let client = match listener.accept().await {
            Ok((c, _)) => c,
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        stats.add(CONNECTIONS);
        let plan = if faults_on.load(Ordering::SeqCst) {
            choose(&mut rng, &mix)
        } else {
            Plan::Clean
        };
        tokio::spawn(connection(
            client,
            upstream,
            plan,
            rng.fork(),
            stats.clone(),
        ));
    }
}

async fn connection(
    client: TcpStream,
    upstream: SocketAddr,
    plan: Plan,
    mut rng: Rng,
    stats: Arc<Stats>,
) {
    match plan {
        Plan::Refuse => {
            stats.add(REFUSED);
            return;
        }
        Plan::Reset => {
            stats.add(RESET);
            let _ = client.set_zero_linger();
            return;
        }
        Plan::Clean => stats.add(CLEAN),
        Plan::Delay { .. } => stats.add(DELAYED),
        _ => {}
    }
    let Ok(server) = TcpStream::connect(upstream).await else {
        stats.add(UPSTREAM_DOWN);
        return;
    };
    if matches!(plan, Plan::ResetMid(_)) {
        // Closing this socket will then send RST instead of FIN.
        let _ = client.set_zero_linger();
    }
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    let (cr, cw) = client.into_split();
    let (sr, sw) = server.into_split();
    let req = pump(cr, sw, Dir::Request, plan, rng.fork(), stats.clone());
    let resp = pump(sr, cw, Dir::Response, plan, rng, stats);
    tokio::pin!(req);
    tokio::pin!(resp);
    let (mut req_done, mut resp_done) = (false, false);
    while !(req_done && resp_done) {
        // Returning drops every half: the connection ends on both sides.
        tokio::select! {
            end = &mut req, if !req_done => match end {
                End::Eof => req_done = true,
                End::Abort => return,
            },
            end = &mut resp, if !resp_done => match end {
                End::Eof => resp_done = true,
                End::Abort => return,
            },
        }
    }
}

async fn pump(
    mut from: OwnedReadHalf,
    mut to: OwnedWriteHalf,
    dir: Dir,
    plan: Plan,
    mut rng: Rng,
    stats: Arc<Stats>,
) -> End {
    let mut buf = vec![0u8; 16 * 1024];
    let mut passed: u64 = 0;
    let mut first = true;
    loop {
        let n = match from.read(&mut buf).await {
            Ok(0) | Err(_) => {
                let _ = to.shutdown().await;
                return End::Eof;
            }
            Ok(n) => n,
        };
        let limit = match (plan, dir) {
            (Plan::CutRequest(l), Dir::Request) => Some((l, CUT_REQUEST)),
            (Plan::CutResponse(l), Dir::Response) => Some((l, CUT_RESPONSE)),
            (Plan::ResetMid(l), _) => Some((l, RESET_MID)),
            _ => None,
        };
        if let Some((limit, kind)) = limit
            && passed + n as u64 > limit
        {
            let keep = (limit - passed) as usize;
            let _ = to.write_all(&buf[..keep]).await;
            let _ = to.flush().await;
            stats.add(kind);
            return End::Abort;
        }
        match (plan, dir) {
            (Plan::Delay { max_ms }, _) => {
                tokio::time::sleep(Duration::from_millis(rng.below(max_ms))).await;
            }
            (Plan::Stall(d), Dir::Response) if first => {
                stats.add(STALLED);
                tokio::time::sleep(d).await;
            }
            _ => {}
        }
        first = false;
        if to.write_all(&buf[..n]).await.is_err() {
            return End::Abort;
        }
        passed += n as u64;
    }
}
