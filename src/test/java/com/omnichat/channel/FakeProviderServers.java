package com.omnichat.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The providers' HTTP APIs on loopback for the whole test JVM: one server per provider, started
 * once on a port that stays fixed, so the base URLs the application is configured with
 * ({@link Urls}) are the same for every test class and the test contexts stay cached as one. A
 * test routes a server to its fake ({@link FakeProviderApi}) or its own dispatcher and detaches
 * it afterwards; a server nobody is routed to drops every connection, like a provider that is
 * down.
 */
public final class FakeProviderServers {

    public static final Server TELEGRAM = new Server();
    public static final Server VIBER = new Server();
    /** graph.facebook.com: Messenger, Instagram with Facebook Login, WhatsApp. */
    public static final Server GRAPH = new Server();
    /** graph.instagram.com: Instagram with Instagram Login. */
    public static final Server INSTAGRAM = new Server();
    /** Infobip's base URL is a channel setting, so it is not configured here. */
    public static final Server INFOBIP = new Server();

    private FakeProviderServers() {}

    /** One provider's server; requests go to whichever dispatcher it is routed to. */
    public static final class Server {

        /** The connection closes before any answer: the client sees an I/O error. */
        private static final MockResponse DROPPED = new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build();

        private final MockWebServer server = new MockWebServer();
        private volatile @Nullable Dispatcher route;

        private Server() {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    Dispatcher current = route;
                    return current == null ? DROPPED : current.dispatch(request);
                }
            });
            try {
                server.start(InetAddress.getLoopbackAddress(), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The base URL, without a trailing slash. */
        public String url() {
            return server.url("/").toString().replaceAll("/$", "");
        }

        /** From now on requests are answered by {@code dispatcher}. */
        public void routeTo(Dispatcher dispatcher) {
            route = dispatcher;
        }

        /** From now on every connection is dropped (the provider is down). */
        public void detach() {
            route = null;
        }
    }

    /** Points the configured provider base URLs at the servers; imported by every test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Urls {

        @Bean
        static DynamicPropertyRegistrar fakeProviderUrls() {
            return registry -> {
                registry.add("omnichat.channels.telegram.api-url", TELEGRAM::url);
                registry.add("omnichat.channels.viber.api-url", VIBER::url);
                registry.add("omnichat.channels.meta.graph-base-url", GRAPH::url);
                registry.add("omnichat.channels.meta.instagram-base-url", INSTAGRAM::url);
            };
        }
    }
}
