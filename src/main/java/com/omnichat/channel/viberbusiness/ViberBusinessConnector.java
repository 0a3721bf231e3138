package com.omnichat.channel.viberbusiness;

import com.omnichat.base.OmnichatProperties;
import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.PhoneDigits;
import com.omnichat.channel.connector.PollResult;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.connector.SecretField;
import com.omnichat.channel.connector.SendProgress;
import com.omnichat.channel.connector.SettingField;
import com.omnichat.channel.connector.UnparseableEventException;
import com.omnichat.channel.connector.WebhookRequest;
import com.omnichat.channel.internal.MediaFetcher;
import com.omnichat.channel.internal.MediaStore;
import com.omnichat.channel.viberbusiness.ViberAggregator.Part;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A Viber business number: Viber Business Messages to and from phone numbers, through an
 * aggregator (setting {@code aggregator}, Infobip by default). Unlike a Viber bot it can
 * start a dialog by phone. The client's id on the channel is his phone in E.164 digits.
 * Files go out by a public, unguessable URL the aggregator fetches (as for Viber bots).
 */
@Component
public class ViberBusinessConnector implements ChannelConnector {

    public static final String BASE_URL = "baseUrl";
    public static final String SENDER = "sender";
    public static final String AGGREGATOR = "aggregator";
    public static final String API_KEY = "apiKey";
    public static final String WEBHOOK_PASSWORD = "webhookPassword";
    /** Viber Business Messages take at most 1000 characters of text per message. */
    static final int TEXT_MAX = 1000;

    private final Map<String, ViberAggregator> aggregators;
    private final MediaStore media;
    private final String publicUrl;

    ViberBusinessConnector(List<ViberAggregator> aggregators, MediaStore media, OmnichatProperties installation) {
        this.aggregators = aggregators.stream().collect(Collectors.toMap(ViberAggregator::id, Function.identity()));
        this.media = media;
        this.publicUrl = installation.publicUrl();
    }

    @Override
    public ChannelType type() {
        return ChannelType.VIBER_BUSINESS;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(
                Capability.WEBHOOK_RECEIVE,
                Capability.POLLING_RECEIVE,
                Capability.SEND_TEXT,
                Capability.SEND_IMAGE,
                Capability.SEND_FILE,
                Capability.DELIVERY_STATUS,
                Capability.READ_STATUS,
                Capability.START_BY_PHONE);
    }

    @Override
    public List<SecretField> secretFields() {
        return List.of(
                SecretField.asked(API_KEY, "channels.viber-business.api-key"),
                SecretField.asked(WEBHOOK_PASSWORD, "channels.viber-business.webhook-password"));
    }

    @Override
    public List<SettingField> settingFields() {
        return List.of(
                new SettingField(BASE_URL, "channels.viber-business.base-url", false),
                new SettingField(SENDER, "channels.viber-business.sender", false));
    }

    @Override
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        try {
            return aggregator(channel).check(channel);
        } catch (RuntimeException e) {
            return ProviderErrors.failedCheck(e, channel);
        }
    }

    // ---- receiving ----

    @Override
    public boolean authentic(ConnectedChannel channel, WebhookRequest request) {
        return aggregator(channel).authentic(channel, request);
    }

    @Override
    public ParsedEvent parse(ConnectedChannel channel, byte[] body) throws UnparseableEventException {
        return aggregator(channel).parse(channel, body);
    }

    /** Aggregators take their webhook URLs in their own portal (with the Basic authentication password). */
    @Override
    public void registerWebhook(ConnectedChannel channel, String url) {
        throw new ProviderErrors.ProviderException(
                0,
                "Enter this URL at the aggregator (Infobip: the Viber sender's "
                        + "inbound messages and delivery reports), with Basic authentication and the channel's webhook password");
    }

    /** Delivery reports the aggregator keeps for us (without a webhook, or to catch up after an outage). */
    @Override
    public PollResult poll(ConnectedChannel channel, @Nullable String cursor, Duration wait) {
        return new PollResult(aggregator(channel).pollReports(channel), null);
    }

    @Override
    public InboundAttachment download(ConnectedChannel channel, MediaRef ref, MediaPolicy policy) {
        if (ref.size() != null) {
            policy.checkSize(ref.size());
        }
        MediaFetcher.Fetched file = aggregator(channel).download(channel, ref.reference(), policy.maxBytes());
        String declared = file.contentType() != null ? file.contentType() : ref.contentType();
        String name = ref.fileName() != null ? ref.fileName() : "file";
        return new InboundAttachment(name, policy.contentType(declared, file.content()), file.content());
    }

    // ---- sending ----

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress)
            throws DeliveryException {
        ViberAggregator aggregator = aggregator(channel);
        List<Part> parts = parts(channel, message);
        // Our own id per part: the delivery report names it, and a repeated part is recognisable.
        String first = progress.sendParts(
                parts,
                (i, part) -> aggregator.send(
                        channel, message.recipientExternalUserId(), part, "omnichat-" + message.messageId() + "-" + i));
        return first != null ? first : "none";
    }

    private List<Part> parts(ConnectedChannel channel, OutboundMessage message) throws DeliveryException {
        String text = message.text() == null || message.text().isBlank() ? null : message.text();
        List<Part> parts = new ArrayList<>();
        boolean caption = text != null
                && text.length() <= TEXT_MAX
                && message.files().size() == 1
                && message.files().getFirst().isImage();
        if (text != null && !caption) {
            for (int start = 0; start < text.length(); start += TEXT_MAX) {
                parts.add(new Part.Text(text.substring(start, Math.min(text.length(), start + TEXT_MAX))));
            }
        }
        for (OutboundMessage.OutboundFile file : message.files()) {
            String url = media.publish(publicUrl, channel, file, "the aggregator downloads them by URL");
            parts.add(file.isImage() ? new Part.Image(url, caption ? text : "") : new Part.File(url, file.fileName()));
        }
        return parts;
    }

    // ---- writing first ----

    /** Any valid number can be tried: whether it is on Viber only the delivery report tells (shown as the failure). */
    @Override
    public Optional<String> externalUserIdForPhone(String e164Phone) {
        return PhoneDigits.of(e164Phone);
    }

    private ViberAggregator aggregator(ConnectedChannel channel) {
        String id = channel.setting(AGGREGATOR) == null ? InfobipAggregator.ID : channel.setting(AGGREGATOR);
        ViberAggregator aggregator = aggregators.get(id);
        if (aggregator == null) {
            throw new ProviderErrors.ProviderException(0, "Unknown Viber aggregator: " + id);
        }
        return aggregator;
    }
}
