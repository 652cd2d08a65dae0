package org.atelier.security;

/**
 * The Content-Security-Policy every response carries. Vaadin Flow needs inline styles (components set style
 * attributes, Lumo and Charts inject style elements), inline scripts in its bootstrap page and eval for the
 * JavaScript the server sends (executeJs becomes new Function). What the policy still stops: scripts, styles,
 * frames, fonts and form posts from any other origin, plugins, and being framed by another site.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }
}
