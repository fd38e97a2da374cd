package preview

import (
	"fmt"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
)

// allowList is what a request may name in its Host header. A browser
// sends there the name of the page's address, so a web page whose own name
// an attacker points at this machine (DNS rebinding) sends that name, and
// is refused. Answered are:
//   - localhost, names under .localhost and loopback addresses, on any
//     port, since a tunnel (ssh -L) may bring them from another local port;
//   - this machine's host name and the addresses of its network
//     interfaces, the address listened on, and the names of Config.Hosts,
//     without a port or with the one listened on;
//   - the NAME:PORT pairs of Config.Hosts, on that port only.
type allowList struct {
	names map[string]bool // canonical names and addresses
	pairs map[string]bool // canonical name:port
	port  string          // the port listened on; "" until Serve, when any port is taken
}

// newAllowList makes the list of this machine's names and addresses and of
// the hosts given.
func newAllowList(hosts []string) *allowList {
	a := &allowList{names: map[string]bool{}, pairs: map[string]bool{}}
	if name, err := os.Hostname(); err == nil {
		a.add(name)
		if short, _, ok := strings.Cut(name, "."); ok {
			a.add(short)
		}
	}
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, addr := range addrs {
			var ip net.IP
			switch addr := addr.(type) {
			case *net.IPNet:
				ip = addr.IP
			case *net.IPAddr:
				ip = addr.IP
			}
			if ip, ok := netip.AddrFromSlice(ip); ok {
				a.names[ip.Unmap().String()] = true
			}
		}
	}
	for _, h := range hosts {
		a.add(h)
	}
	return a
}

// add allows a name, or a name:port pair.
func (a *allowList) add(hostport string) {
	host, port := splitHost(strings.TrimSpace(hostport))
	name := canonical(host)
	switch {
	case name == "":
	case port == "":
		a.names[name] = true
	default:
		a.pairs[net.JoinHostPort(name, port)] = true
	}
}

// listening adds the address listened on, and sets the port to expect.
// It is called before the server serves, and never again.
func (a *allowList) listening(addr net.Addr) {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return
	}
	a.port = strconv.Itoa(tcp.Port)
	if ip, ok := netip.AddrFromSlice(tcp.IP); ok && !ip.Unmap().IsUnspecified() {
		a.names[ip.Unmap().String()] = true
	}
}

// allows reports whether a request's Host, hostport, is answered.
func (a *allowList) allows(hostport string) bool {
	host, port := splitHost(hostport)
	name := canonical(host)
	switch {
	case name == "":
		return false
	case isLocal(name):
		return true
	case port != "" && a.pairs[net.JoinHostPort(name, port)]:
		return true
	}
	return a.names[name] && (port == "" || a.port == "" || port == a.port)
}

// refusal is the text of the answer to a request for hostport, which is
// not allowed: it says how to allow it.
func (a *allowList) refusal(hostport string) string {
	if hostport == "" {
		return "This preview answers only to requests that name it (localhost, this machine's names and addresses, or a name given with unireport serve -host NAME).\n"
	}
	host, port := splitHost(hostport)
	flag := hostport
	if port == "" || port == a.port {
		flag = host
	}
	return fmt.Sprintf("This preview does not answer to the name %q: only to localhost, this machine's names and addresses, "+
		"and names given with -host. If this machine is reached by that name, start the preview with\n\n"+
		"    unireport serve -host %s ...\n", flag, flag)
}

// splitHost splits a Host header into the name or address and the port,
// "" if there is none.
func splitHost(hostport string) (host, port string) {
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		return h, p
	}
	return hostport, ""
}

// canonical is a host as compared: in lower case, without brackets or a
// final dot, and an address in its usual form, without an IPv6 zone.
func canonical(host string) string {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if ip, err := netip.ParseAddr(host); err == nil {
		return ip.Unmap().WithZone("").String()
	}
	return host
}

// isLocal reports whether a canonical name is of this machine alone:
// localhost, a name under .localhost, or a loopback address.
func isLocal(name string) bool {
	if name == "localhost" || strings.HasSuffix(name, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(name)
	return err == nil && ip.IsLoopback()
}
