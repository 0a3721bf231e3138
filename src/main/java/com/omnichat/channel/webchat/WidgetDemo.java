package com.omnichat.channel.webchat;

import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.internal.ChannelDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * With demo data (the dev profile): the demo site chat is served by the real widget, and
 * {@code /widget-demo} is a shop page with the widget on it, where a newcomer plays the
 * visitor while answering in the inbox in another window.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "omnichat.demo-data", havingValue = "true")
class WidgetDemo {

    private static final Logger log = LoggerFactory.getLogger(WidgetDemo.class);

    /** The demo page needs no sign-in (it is the visitor's side). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 11)
    SecurityFilterChain widgetDemoFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/widget-demo")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .build();
    }

    /**
     * The demo data creates every demo channel without a provider (mode DEMO); a site chat
     * needs none, so the demo one is connected for real: replies then reach the widget.
     */
    @Bean
    @Order(20) // after the demo inbox (10) created the channels
    ApplicationRunner connectDemoSiteChat(ChannelAdministration administration) {
        return (ApplicationArguments args) -> SystemAccess.run(() -> administration.list().stream()
                .filter(c -> c.type() == ChannelType.WEBCHAT && c.mode() == ChannelMode.DEMO)
                .forEach(c -> {
                    Map<String, String> settings = new HashMap<>(c.settings());
                    settings.putIfAbsent(WidgetSettings.TITLE, "Flower Shop");
                    settings.putIfAbsent(WidgetSettings.GREETING, "Hi! Ask us anything about flowers and delivery.");
                    administration.save(new ChannelDraft(
                            c.id(), c.type(), c.name(), ChannelMode.WEBHOOK, Map.of(), settings, c.enabled()));
                    log.info("Demo site chat '{}' now served by the widget: open /widget-demo", c.name());
                }));
    }

    @RestController
    @ConditionalOnProperty(name = "omnichat.demo-data", havingValue = "true")
    static class DemoPage {

        private final ChannelDirectory channels;

        DemoPage(ChannelDirectory channels) {
            this.channels = channels;
        }

        @GetMapping(value = "/widget-demo", produces = MediaType.TEXT_HTML_VALUE)
        ResponseEntity<String> page(@RequestParam(required = false) @Nullable String channel) {
            Optional<ConnectedChannel> chosen = channel != null
                    ? channels.byKey(ChannelType.WEBCHAT, channel)
                    : channels.connected(ChannelMode.WEBHOOK).stream()
                            .filter(c -> c.type() == ChannelType.WEBCHAT)
                            .findFirst();
            return ResponseEntity.ok()
                    .header("Cache-Control", "no-store")
                    .body(chosen.map(DemoPage::html).orElse(NO_CHANNEL));
        }

        private static String html(ConnectedChannel channel) {
            String key = HtmlUtils.htmlEscape(channel.key());
            String snippet = HtmlUtils.htmlEscape("<script src=\"https://YOUR-OMNICHAT/widget/omnichat-widget.js\" "
                    + "data-channel=\"" + channel.key() + "\" async></script>");
            return PAGE.replace("{{name}}", HtmlUtils.htmlEscape(channel.name()))
                    .replace("{{key}}", key)
                    .replace("{{snippet}}", snippet);
        }
    }

    private static final String STYLE = """
            <style>
              body { font-family: system-ui, sans-serif; margin: 0; color: #1f2328; background: #faf7f2; }
              header { background: #3d6b4f; color: #fff; padding: 18px 32px; font-size: 22px; font-weight: 600; }
              main { max-width: 760px; margin: 32px auto; padding: 0 24px 120px; line-height: 1.55; }
              h1 { font-size: 26px; margin-top: 0; }
              ol li { margin-bottom: 8px; }
              code, pre { background: #efe9df; border-radius: 6px; padding: 2px 6px; }
              pre { padding: 12px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
              button { font: inherit; padding: 8px 16px; border-radius: 8px; border: 1px solid #3d6b4f;
                       background: #fff; color: #3d6b4f; cursor: pointer; margin-right: 8px; }
              button.primary { background: #3d6b4f; color: #fff; }
            </style>""";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Flower Shop · site chat demo</title>
            """ + STYLE + """
            </head>
            <body>
              <header>Flower Shop</header>
              <main>
                <h1>Site chat demo</h1>
                <p>This page plays a shop's website with the Omnichat widget of the channel
                   <b>{{name}}</b> on it. You are the visitor.</p>
                <ol>
                  <li>Open the chat with the button in the corner (or <button class="primary" id="open">Open the chat</button>)
                      and write something.</li>
                  <li>In another window open <a href="/chats" target="_blank" rel="noopener">the inbox</a>, sign in as
                      <code>anna</code> or <code>max</code> (password <code>demo-pass-2026</code>): your message is there,
                      live. Answer it; the reply appears here.</li>
                  <li>Leave your contacts from the chat window; they fill the client's card.</li>
                  <li><button id="forget">Be a new visitor</button> forgets this browser's visitor and starts over.</li>
                </ol>
                <p>To put the widget on a real site, add this line to its pages and list the site's address
                   (e.g. <code>https://shop.example</code>) under <i>Allowed sites</i> of the channel in
                   Administration → Channels:</p>
                <pre>{{snippet}}</pre>
              </main>
              <script src="/widget/omnichat-widget.js" data-channel="{{key}}" async></script>
              <script>
                document.getElementById('open').addEventListener('click', function () {
                  if (window.OmnichatWidget) { window.OmnichatWidget.open(); }
                });
                document.getElementById('forget').addEventListener('click', function () {
                  Object.keys(localStorage).filter(function (k) { return k.indexOf('omnichat.') === 0; })
                      .forEach(function (k) { localStorage.removeItem(k); });
                  Object.keys(sessionStorage).filter(function (k) { return k.indexOf('omnichat.') === 0; })
                      .forEach(function (k) { sessionStorage.removeItem(k); });
                  location.reload();
                });
              </script>
            </body>
            </html>
            """;

    private static final String NO_CHANNEL = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Site chat demo</title>
            """ + STYLE + """
            </head><body><header>Flower Shop</header><main><h1>Site chat demo</h1>
            <p>There is no connected site chat channel yet. Add one (type <i>Site chat</i>) in
            Administration → Channels, then open this page again.</p></main></body></html>
            """;
}
