package com.omnichat.channel.webchat;

import com.omnichat.base.OmnichatProperties;
import com.omnichat.channel.ClientContactsSink;
import com.omnichat.channel.ClientContactsSink.ContactDetails;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.DeliveryReports;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.InboundSink;
import com.omnichat.channel.IngestResult;
import com.omnichat.channel.connector.ConnectedChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a site visitor does through the widget: start or resume his session, write, read
 * his chat, leave contacts, see replies. Each method gets the channel the request named
 * (already checked to be an enabled webchat channel called from an allowed site).
 */
@Service
@Transactional
class WebchatService {

    static final int MAX_TEXT = 4096;
    static final int PAGE = 50;
    /** The provider id of a reply shown in the widget. */
    static final String REPLY_ID_PREFIX = "wc-";
    /** The channel's generated secret that signs visitor tokens. */
    static final String SIGNING_KEY = "signingKey";

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,15}");

    private final WebchatStore store;
    private final VisitorStreams streams;
    private final InboundSink inbox;
    private final DeliveryReports reports;
    private final ClientContactsSink contacts;
    private final VisitorTokens tokens;
    private final byte[] masterKey;
    private final Clock clock;

    WebchatService(
            WebchatStore store,
            VisitorStreams streams,
            InboundSink inbox,
            DeliveryReports reports,
            ClientContactsSink contacts,
            OmnichatProperties installation,
            WebchatProperties properties) {
        this.store = store;
        this.streams = streams;
        this.inbox = inbox;
        this.reports = reports;
        this.contacts = contacts;
        this.clock = Clock.systemUTC();
        this.tokens = new VisitorTokens(properties.tokenLifetime(), clock);
        this.masterKey = installation.secretKey().getBytes(StandardCharsets.UTF_8);
    }

    // ---- the session ----

    record Session(
            String token,
            String visitorId,
            WebchatStore.@Nullable Visitor visitor,
            List<WebchatStore.Line> lines,
            boolean hasMore) {}

    /** A new visitor (no token) or a returning one: a fresh token, his contacts and the latest lines. */
    Session start(ConnectedChannel channel, @Nullable String token) {
        String visitorId = token == null ? VisitorTokens.newVisitorId() : visitor(channel, token);
        Optional<WebchatStore.Visitor> visitor =
                token == null ? Optional.empty() : store.visitor(channel.id(), visitorId);
        visitor.ifPresent(v -> store.touch(channel.id(), visitorId));
        List<WebchatStore.Line> lines =
                token == null ? List.of() : store.before(channel.id(), visitorId, Long.MAX_VALUE, PAGE + 1);
        boolean hasMore = lines.size() > PAGE;
        if (hasMore) {
            lines = lines.subList(1, lines.size());
        }
        shown(channel, visitorId, lines);
        return new Session(
                tokens.issue(channel.id(), signingKey(channel), visitorId),
                visitorId,
                visitor.orElse(null),
                lines,
                hasMore);
    }

    /** The visitor id of a token of this channel; a bad, foreign or expired token is refused (401). */
    String visitor(ConnectedChannel channel, @Nullable String token) {
        if (token == null || token.isBlank()) {
            throw WidgetException.unauthorized();
        }
        return tokens.verify(channel.id(), signingKey(channel), token.strip())
                .orElseThrow(WidgetException::unauthorized);
    }

    record Page(List<WebchatStore.Line> lines, boolean hasMore) {}

    /** Earlier lines, for scrolling back. */
    @Transactional(readOnly = true)
    Page earlier(ConnectedChannel channel, String visitorId, long beforeSeq) {
        List<WebchatStore.Line> lines = store.before(channel.id(), visitorId, beforeSeq, PAGE + 1);
        boolean hasMore = lines.size() > PAGE;
        return new Page(hasMore ? lines.subList(1, lines.size()) : lines, hasMore);
    }

    /** Lines after the visitor's cursor (catching up, long polling). */
    @Transactional(readOnly = true)
    List<WebchatStore.Line> after(ConnectedChannel channel, String visitorId, long afterSeq) {
        return store.after(channel.id(), visitorId, afterSeq, 200);
    }

    // ---- writing ----

    /**
     * The visitor's message, handed to the inbox. The widget's own id makes it idempotent: a
     * retry (lost answer, double click, second tab) returns the line stored the first time.
     */
    WebchatStore.Line send(
            ConnectedChannel channel, String visitorId, @Nullable String clientId, @Nullable String text) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw WidgetException.invalidField("clientId");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw WidgetException.badRequest("empty");
        }
        if (body.length() > MAX_TEXT) {
            throw WidgetException.badRequest("too-long");
        }
        store.touch(channel.id(), visitorId);
        WebchatStore.Visitor visitor = store.visitor(channel.id(), visitorId).orElseThrow();
        IngestResult result = inbox.receive(InboundMessage.text(
                channel.id(), profile(visitorId, visitor.name()), visitorId + ":" + clientId, body, clock.instant()));
        WebchatStore.Line line =
                store.add(channel.id(), visitorId, result.messageId(), true, clientId, body, List.of());
        if (visitor.contactsPending()) {
            applyContacts(channel, visitorId, visitor.name(), visitor.email(), visitor.phone());
        }
        if (!result.duplicate()) {
            streams.announce(channel.id(), visitorId);
        }
        return line;
    }

    /** Contacts from the widget's form: kept with the visitor and given to the client's card. */
    WebchatStore.Visitor saveContacts(
            ConnectedChannel channel,
            String visitorId,
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone) {
        String cleanName = optional(name, 200, "name");
        String cleanEmail = optional(email, 254, "email");
        if (cleanEmail != null && !EMAIL.matcher(cleanEmail).matches()) {
            throw WidgetException.invalidField("email");
        }
        String cleanPhone = optional(phone, 30, "phone");
        if (cleanPhone != null
                && !PHONE.matcher(cleanPhone.replaceAll("[\\s()\\-.]", "")).matches()) {
            throw WidgetException.invalidField("phone");
        }
        store.saveContacts(channel.id(), visitorId, cleanName, cleanEmail, cleanPhone, true);
        applyContacts(channel, visitorId, cleanName, cleanEmail, cleanPhone);
        return store.visitor(channel.id(), visitorId).orElseThrow();
    }

    private void applyContacts(
            ConnectedChannel channel,
            String visitorId,
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone) {
        if (contacts.contactsLeft(channel.id(), visitorId, new ContactDetails(name, email, phone))) {
            store.contactsApplied(channel.id(), visitorId);
        }
    }

    // ---- what the visitor has seen ----

    /** The lines are on the visitor's screen now: replies among them are delivered. */
    void shown(ConnectedChannel channel, String visitorId, List<WebchatStore.Line> lines) {
        List<Long> replies = lines.stream()
                .filter(l -> !l.fromVisitor() && l.deliveredAt() == null)
                .map(WebchatStore.Line::seq)
                .toList();
        for (long messageId : store.markDelivered(channel.id(), visitorId, replies)) {
            reports.delivered(channel.id(), REPLY_ID_PREFIX + messageId);
        }
    }

    /** The visitor's open window showed the replies up to this line: they are read. */
    void read(ConnectedChannel channel, String visitorId, long upToSeq) {
        for (long messageId : store.markRead(channel.id(), visitorId, upToSeq)) {
            reports.read(channel.id(), REPLY_ID_PREFIX + messageId);
        }
    }

    // ---- replies (called by the connector, from the delivery worker) ----

    /**
     * Hands a manager's reply to the visitor's widget: stored as his next line and announced
     * to every node, where his open streams pick it up. Idempotent: a resend shows once.
     */
    String deliverReply(
            long channelId, String visitorId, long messageId, @Nullable String text, List<String> fileNames) {
        store.add(channelId, visitorId, messageId, false, null, text, fileNames);
        String externalId = REPLY_ID_PREFIX + messageId;
        // Recorded here, before any stream can report it delivered by this id.
        reports.sent(messageId, externalId);
        streams.announce(channelId, visitorId);
        return externalId;
    }

    // ---- helpers ----

    private static ClientProfile profile(String visitorId, @Nullable String name) {
        return new ClientProfile(visitorId, name == null ? placeholderName(visitorId) : name, null, null);
    }

    /** How a visitor who gave no name appears in the inbox. */
    static String placeholderName(String visitorId) {
        return "Visitor " + visitorId.substring(0, 6);
    }

    private static @Nullable String optional(@Nullable String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw WidgetException.invalidField(field);
        }
        return text;
    }

    /**
     * The channel's token key: its own generated secret (set when an administrator saves it),
     * else derived from the application's secret key and the channel's key, so a new channel
     * key (or secret key) retires every token at once.
     */
    private byte[] signingKey(ConnectedChannel channel) {
        String own = channel.secrets().get(SIGNING_KEY);
        if (own != null && !own.isBlank()) {
            return own.getBytes(StandardCharsets.UTF_8);
        }
        if (masterKey.length == 0) {
            throw new IllegalStateException("omnichat.secret-key is not set");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return mac.doFinal(
                    ("webchat-visitor-token:" + channel.id() + ":" + channel.key()).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant now() {
        return clock.instant();
    }
}
