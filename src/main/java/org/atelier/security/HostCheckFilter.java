package org.atelier.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests whose Host header names a host Atelier does not answer to. A web page elsewhere can point its
 * own domain at this machine's address (DNS rebinding) and then read responses as same-origin; its requests still
 * carry its own domain in Host, so they stop here. Allowed: the bound address (every interface's addresses when
 * bound to all), this machine's names, localhost, and the configured {@code atelier.access.allowed-hosts}.
 */
public class HostCheckFilter extends OncePerRequestFilter {
    private final Set<String> allowed;

    public HostCheckFilter(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** The host names a server bound to {@code boundAddress} (null or a wildcard for all) answers to. */
    public static Set<String> allowedHosts(String boundAddress, Collection<String> configured) {
        Set<String> hosts = new TreeSet<>();
        hosts.add("localhost");
        hosts.add("127.0.0.1");
        hosts.add("::1");
        configured.forEach(h -> hosts.add(normal(h)));
        try {
            InetAddress local = InetAddress.getLocalHost();
            hosts.add(normal(local.getHostName()));
            hosts.add(normal(local.getCanonicalHostName()));
        } catch (UnknownHostException e) {
            // no resolvable host name: addresses and configured names still work
        }
        InetAddress bound = parse(boundAddress);
        if (bound == null || bound.isAnyLocalAddress()) {
            try {
                NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                        .forEach(a -> hosts.add(normal(a.getHostAddress())));
            } catch (SocketException e) {
                // without interface addresses only names and localhost pass
            }
        } else {
            hosts.add(normal(bound.getHostAddress()));
            hosts.add(normal(boundAddress));
        }
        return hosts;
    }

    private static InetAddress parse(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            return InetAddress.getByName(address.strip());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Lower case, without the port, brackets or an IPv6 zone ("fe80::1%eth0"). */
    static String normal(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end > 0 ? h.substring(1, end) : h.substring(1);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.contains(":")) {
            h = h.substring(0, h.indexOf(':')); // name:port; a bare IPv6 address has several colons
        }
        int zone = h.indexOf('%');
        if (zone >= 0) {
            h = h.substring(0, zone);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    boolean allows(String hostHeader) {
        return hostHeader != null && !hostHeader.isBlank() && allowed.contains(normal(hostHeader));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader("Host");
        if (allows(host)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(421); // Misdirected Request: this server does not answer to that name
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Atelier does not answer to the host name '" + (host == null ? "" : host)
                + "'. An administrator can allow it with --atelier.access.allowed-hosts=NAME.\n");
    }
}
