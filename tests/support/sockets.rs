//! The internet sockets a process tree holds, read from /proc: each open socket's inode, matched
//! against the kernel's TCP and UDP tables. What "Hearth uses no network" means, checked.

use std::collections::HashSet;
use std::net::IpAddr;

/// One TCP or UDP socket: its table (tcp, tcp6, udp, udp6), and its local and remote addresses.
#[derive(Debug)]
pub struct InetSocket {
    pub table: &'static str,
    pub local: IpAddr,
    pub local_port: u16,
    pub remote: IpAddr,
}

impl InetSocket {
    /// Whether it stays on this machine: both ends on loopback, or unconnected on loopback.
    pub fn is_loopback_only(&self) -> bool {
        self.local.is_loopback() && (self.remote.is_loopback() || self.remote.is_unspecified())
    }
}

/// `pid` and every process below it (WebKit's web and network processes are its children).
pub fn process_tree(pid: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|child| {
            let stat = std::fs::read_to_string(format!("/proc/{child}/stat")).ok()?;
            let parent = stat.rsplit_once(") ")?.1.split(' ').nth(1)?.parse().ok()?;
            Some((child, parent))
        })
        .collect();
    let mut tree = vec![pid];
    let mut at = 0;
    while at < tree.len() {
        let parent = tree[at];
        tree.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        at += 1;
    }
    tree
}

/// Every TCP or UDP socket that a process of `pids` holds open.
pub fn inet_sockets(pids: &[u32]) -> Vec<InetSocket> {
    let inodes: HashSet<String> = pids
        .iter()
        .flat_map(|pid| {
            std::fs::read_dir(format!("/proc/{pid}/fd"))
                .into_iter()
                .flatten()
        })
        .filter_map(|fd| {
            let target = std::fs::read_link(fd.ok()?.path()).ok()?;
            let target = target.to_str()?;
            Some(
                target
                    .strip_prefix("socket:[")?
                    .strip_suffix(']')?
                    .to_string(),
            )
        })
        .collect();
    let Some(&pid) = pids.first() else {
        return Vec::new();
    };
    ["tcp", "tcp6", "udp", "udp6"]
        .into_iter()
        .flat_map(|table| {
            let text =
                std::fs::read_to_string(format!("/proc/{pid}/net/{table}")).unwrap_or_default();
            text.lines()
                .skip(1)
                .filter_map(|line| {
                    let fields: Vec<&str> = line.split_whitespace().collect();
                    if !inodes.contains(*fields.get(9)?) {
                        return None;
                    }
                    Some(InetSocket {
                        table,
                        local: address(fields.get(1)?)?,
                        local_port: port(fields.get(1)?)?,
                        remote: address(fields.get(2)?)?,
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The TCP ports the processes listen on.
pub fn listening_ports(pids: &[u32]) -> HashSet<u16> {
    inet_sockets(pids)
        .into_iter()
        .filter(|socket| socket.table.starts_with("tcp") && socket.remote.is_unspecified())
        .map(|socket| socket.local_port)
        .collect()
}

/// The port of an address as /proc/net writes it (`ADDRESS:PORT`, the port in hex).
fn port(field: &str) -> Option<u16> {
    u16::from_str_radix(field.split(':').nth(1)?, 16).ok()
}

/// An address as /proc/net writes it: hex, in the kernel's byte order per 32-bit word.
fn address(field: &str) -> Option<IpAddr> {
    let hex = field.split(':').next()?;
    let words: Vec<u32> = (0..hex.len() / 8)
        .map(|i| u32::from_str_radix(&hex[i * 8..i * 8 + 8], 16).map(u32::from_be))
        .collect::<Result<_, _>>()
        .ok()?;
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
    match bytes.len() {
        4 => Some(IpAddr::from(<[u8; 4]>::try_from(bytes).ok()?)),
        16 => Some(IpAddr::from(<[u8; 16]>::try_from(bytes).ok()?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn addresses_read_as_the_kernel_writes_them() {
        assert_eq!(
            super::address("0100007F:1F90").unwrap().to_string(),
            "127.0.0.1"
        );
        assert_eq!(
            super::address("00000000000000000000000001000000:0035")
                .unwrap()
                .to_string(),
            "::1"
        );
    }
}
