package org.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.atelier.user.Role;
import org.atelier.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Atelier asking for a login: what anonymous callers get, logging in, throttling, headers, the host check. */
class LoginModeSecurityTest extends LoginModeTest {
    static final String PASSWORD = "correct horse battery";

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;
    @LocalServerPort
    int port;
    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").header("Host", "localhost")).build();
        users.add("alice", PASSWORD, Role.USER);
    }

    @Test
    void anonymousRequestsAreSentToTheLoginPage() throws Exception {
        for (String path : new String[] {"/", "/project/some-id", "/users"}) {
            mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/").with(user("alice"))).andExpect(status().isOk());
    }

    @Test
    void theHealthEndpointTellsAnonymousCallersOnlyTheStatus() throws Exception {
        mvc.perform(get("/health")).andExpect(status().isOk()).andExpect(content().json("{\"status\":\"UP\"}", true));
        mvc.perform(get("/health").with(user("alice")))
                .andExpect(content().json("{\"status\":\"UP\",\"mode\":\"login\",\"database\":\"UP\"}", true));
    }

    @Test
    void theRightPasswordLogsInAndAWrongOneDoesNot() throws Exception {
        MvcResult ok = mvc.perform(login("alice", PASSWORD, "10.9.0.1"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/")).andReturn();
        SecurityContext context = (SecurityContext) ok.getRequest().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getName()).isEqualTo("alice");
        assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_USER");

        mvc.perform(login("alice", "wrong password!", "10.9.0.2")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(login("nobody", PASSWORD, "10.9.0.2")).andExpect(redirectedUrl("/login?error"));
        users.setEnabled("alice", false);
        assertThat(failure(login("alice", PASSWORD, "10.9.0.3"))).isEqualTo("User alice is disabled: ask an administrator");
    }

    @Test
    void fiveFailuresLockTheUserEvenWithTheRightPasswordFromElsewhere() throws Exception {
        users.add("mallory-target", PASSWORD, Role.USER); // a name of its own: the throttle outlives each test
        for (int i = 0; i < 5; i++) {
            assertThat(failure(login("mallory-target", "guess number " + i, "10.9.1." + i)))
                    .isEqualTo("Wrong user name or password");
        }
        assertThat(failure(login("mallory-target", PASSWORD, "10.9.1.99")))
                .isEqualTo("Too many failed logins: try again in 15 minutes");
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressForEveryUser() throws Exception {
        users.add("bob", PASSWORD, Role.USER);
        for (int i = 0; i < 5; i++) {
            failure(login("user" + i, "guess", "10.9.2.1"));
        }
        assertThat(failure(login("bob", PASSWORD, "10.9.2.1"))).startsWith("Too many failed logins");
        mvc.perform(login("bob", PASSWORD, "10.9.2.2")).andExpect(redirectedUrl("/"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/health", "/"}) {
            mvc.perform(get(path))
                    .andExpect(header().string("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        }
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'", "object-src 'none'");
    }

    /** Through the real server: Tomcat's session cookie and the Host check on a raw HTTP request. */
    @Test
    void theRealServerSetsASameSiteCookieAndRefusesUnknownHosts() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);

        assertThat(rawStatus("evil.example")).startsWith("HTTP/1.1 421");
        assertThat(rawStatus("127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
        assertThat(rawStatus("localhost:" + port)).startsWith("HTTP/1.1 200");
        mvc.perform(get("/health").header("Host", "rebound.example:" + port)).andExpect(status().is(421));
    }

    private String rawStatus(String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(
            String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The reason a login failed, as the login page reads it from the session. */
    private String failure(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login)
            throws Exception {
        MvcResult result = mvc.perform(login).andExpect(redirectedUrl("/login?error")).andReturn();
        HttpSession session = result.getRequest().getSession();
        return ((Exception) session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).getMessage();
    }
}
