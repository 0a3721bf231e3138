package com.omnichat.chat;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.Permission;
import com.omnichat.base.ServedFiles;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.DeliveryQueue;
import com.omnichat.channel.MediaDownloads;
import com.omnichat.chat.ChatEvent.Type;
import com.omnichat.chat.ConversationQueries.Row;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do in the inbox: list and read chats, reply, write notes, assign, close and
 * reopen. Every method checks the signed-in user's access; a chat of a channel he may not
 * see does not exist for him.
 */
@Service
@Transactional
public class InboxService {

    public static final int MAX_TEXT = 4096;
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    private final ConversationQueries conversations;
    private final MessageStore messages;
    private final ChannelService channels;
    private final UserService users;
    private final ChatUpdates updates;
    private final DeliveryQueue deliveries;
    private final MediaDownloads downloads;
    private final ConversationChanges changes;
    private final MessageSearch messageSearch;

    InboxService(
            ConversationQueries conversations,
            MessageStore messages,
            ChannelService channels,
            UserService users,
            ChatUpdates updates,
            DeliveryQueue deliveries,
            MediaDownloads downloads,
            ConversationChanges changes,
            MessageSearch messageSearch) {
        this.messageSearch = messageSearch;
        this.conversations = conversations;
        this.messages = messages;
        this.channels = channels;
        this.users = users;
        this.updates = updates;
        this.deliveries = deliveries;
        this.downloads = downloads;
        this.changes = changes;
    }

    // ---- reading ----

    /** A page of the chat list: rows after {@code after} (skipping {@code skip} more), newest first. */
    @Transactional(readOnly = true)
    public List<ConversationSummary> list(ChatFilter filter, @Nullable ChatCursor after, int skip, int limit) {
        StaffPrincipal user = CurrentStaff.require();
        Set<Long> visible = visibleChannels(user, filter);
        if (visible.isEmpty()) {
            return List.of();
        }
        return summaries(conversations.page(filter, visible, user.id(), after, skip, Math.min(limit, 500)));
    }

    /**
     * Chats found by what was written in them: one row per matching client or manager message or
     * note, newest first, each carrying the message and its snippet. Same chats as {@link #list}
     * with the same filter would admit (the name search aside); keyset on the message id.
     */
    @Transactional(readOnly = true)
    public List<ConversationSummary> searchMessages(
            ChatFilter filter, @Nullable Long beforeMessageId, int skip, int limit) {
        StaffPrincipal user = CurrentStaff.require();
        Set<Long> visible = visibleChannels(user, filter);
        if (visible.isEmpty() || !MessageSearch.applies(filter)) {
            return List.of();
        }
        var found = messageSearch.page(filter, visible, user.id(), beforeMessageId, skip, Math.min(limit, 200));
        var chats = summaries(found.stream().map(MessageSearch.Found::chat).toList());
        List<ConversationSummary> rows = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            rows.add(chats.get(i).withMatch(found.get(i).match()));
        }
        return rows;
    }

    @Transactional(readOnly = true)
    public TabCounts counts(ChatFilter filter) {
        StaffPrincipal user = CurrentStaff.require();
        Set<Long> visible = visibleChannels(user, filter);
        if (visible.isEmpty()) {
            return new TabCounts(0, 0);
        }
        return conversations.counts(filter, visible, user.id());
    }

    @Transactional(readOnly = true)
    public ConversationSummary get(long conversationId) {
        return summaries(List.of(accessible(conversationId, false))).getFirst();
    }

    /** Whether the signed-in user may work with any channel at all (else the inbox explains why not). */
    @Transactional(readOnly = true)
    public boolean hasAnyChannel() {
        return !channels.accessibleChannelIds(CurrentStaff.require()).isEmpty();
    }

    /** The client's chats the user may see, latest first (the card's "His chats"). */
    @Transactional(readOnly = true)
    public List<ConversationSummary> chatsOf(long clientId) {
        Set<Long> visible = channels.accessibleChannelIds(CurrentStaff.require());
        if (visible.isEmpty()) {
            return List.of();
        }
        return summaries(conversations.ofClient(clientId, visible));
    }

    /**
     * The client's chat on the channel (on any channel, latest first, when {@code channelId}
     * is null), if the user may see it: where "Write" from an order opens.
     */
    @Transactional(readOnly = true)
    public Optional<ConversationSummary> chatWith(long clientId, @Nullable Long channelId) {
        return chatsOf(clientId).stream()
                .filter(c -> channelId == null || c.channel().id() == channelId)
                .findFirst();
    }

    /** Messages older than {@code beforeMessageId} (or the newest), oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<MessageView> history(long conversationId, @Nullable Long beforeMessageId, int limit) {
        accessible(conversationId, false);
        List<MessageStore.Raw> page =
                new ArrayList<>(messages.history(conversationId, beforeMessageId, Math.min(limit, 200)));
        java.util.Collections.reverse(page);
        return views(page);
    }

    /** The e-mail thread's subject, when the chat is one. */
    @Transactional(readOnly = true)
    public Optional<String> subject(long conversationId) {
        accessible(conversationId, false);
        return conversations.subject(conversationId);
    }

    @Transactional(readOnly = true)
    public MessageView message(long conversationId, long messageId) {
        accessible(conversationId, false);
        var raw = messages.one(messageId)
                .filter(m -> messages.conversationOf(m.id()).orElse(-1L) == conversationId)
                .orElseThrow(() -> new NotFoundException("Message " + messageId));
        return views(List.of(raw)).getFirst();
    }

    @Transactional(readOnly = true)
    public Download attachmentContent(long attachmentId) {
        var content = messages.content(attachmentId).orElseThrow(() -> new NotFoundException("File " + attachmentId));
        accessible(content.conversationId(), false);
        return new Download(content.fileName(), content.contentType(), content.content());
    }

    public record Download(String fileName, String contentType, byte[] content) {}

    // ---- acting ----

    /**
     * Sends a manager's reply: stored as pending and queued for delivery. Clears the badge;
     * the first manager who replies becomes responsible.
     */
    public long reply(
            long conversationId, String text, @Nullable Long replyToMessageId, List<OutgoingAttachment> files) {
        return reply(conversationId, text, replyToMessageId, files, null);
    }

    /** {@link #reply}, routed by {@code origin} (an answer under a comment, a private reply; see {@link CommentReplies}). */
    long reply(
            long conversationId,
            String text,
            @Nullable Long replyToMessageId,
            List<OutgoingAttachment> files,
            @Nullable String origin) {
        StaffPrincipal user = CurrentStaff.require();
        Row conversation = accessible(conversationId, true);
        String body = withSignature(conversation.channelId(), user, cleanText(text, !files.isEmpty()));
        Long replyTo = checkReplyTarget(conversationId, replyToMessageId);
        long messageId = messages.insertStaffMessage(
                conversationId, conversation.channelId(), MessageKind.MANAGER, user.id(), body, replyTo);
        if (origin != null) {
            messages.markOrigin(messageId, origin);
        }
        for (OutgoingAttachment file : files) {
            checkFile(file.content().length);
            // The browser's claim is not trusted: an SVG or a page sent as "image/..." is recorded as a plain file.
            messages.insertAttachment(
                    messageId,
                    file.fileName(),
                    ServedFiles.recordedType(file.contentType(), file.content()),
                    file.content());
        }
        if (conversation.responsibleId() == null) {
            changes.takeOnFirstReply(conversationId, user.id());
            messages.insertSystemMessage(
                    conversationId, conversation.channelId(), user.id(), "first-reply-responsible", user.fullName());
        }
        changes.answered(conversationId, MessageStore.preview(body, files.size()));
        deliveries.enqueue(conversation.channelId(), conversationId, messageId);
        changed(conversation);
        return messageId;
    }

    /** A staff-only note: never sent, changes no counter. */
    public long addNote(long conversationId, String text) {
        StaffPrincipal user = CurrentStaff.require();
        Row conversation = accessible(conversationId, true);
        long id = messages.insertStaffMessage(
                conversationId, conversation.channelId(), MessageKind.NOTE, user.id(), cleanText(text, false), null);
        changed(conversation);
        return id;
    }

    /** Assigns, reassigns ({@code userId} another user) or unassigns ({@code null}) the chat. */
    public void assign(long conversationId, @Nullable Long userId) {
        StaffPrincipal actor = CurrentStaff.require();
        Row conversation = accessible(conversationId, true);
        if (Objects.equals(conversation.responsibleId(), userId)) {
            return;
        }
        // Taking a chat oneself needs no permission; giving it to (or taking it from) someone else does.
        boolean forSomeoneElse =
                userId == null ? !Objects.equals(conversation.responsibleId(), actor.id()) : userId != actor.id();
        if (forSomeoneElse && !actor.can(Permission.ASSIGN_CHATS)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Missing permission " + Permission.ASSIGN_CHATS);
        }
        if (userId != null) {
            // Read the assignee afresh: the cached directory may not know him yet or still think him active.
            StaffMember assignee = users.findById(userId).orElse(null);
            if (assignee == null || !assignee.active()) {
                throw new UserFacingException("chat.error.assignee-inactive");
            }
            if (!assignee.worksInAllChannels()
                    && !channels.grantedUsers(conversation.channelId()).contains(userId)) {
                throw new UserFacingException("chat.error.assignee-no-access", assignee.fullName());
            }
        }
        changes.assign(conversationId, userId);
        Map<Long, StaffMember> staff = users.directory(java.util.stream.Stream.of(userId, conversation.responsibleId())
                .filter(Objects::nonNull)
                .toList());
        if (userId == null) {
            messages.insertSystemMessage(
                    conversationId,
                    conversation.channelId(),
                    authorId(actor),
                    "unassigned",
                    actor.fullName(),
                    nameOf(staff, conversation.responsibleId()));
        } else if (userId == actor.id()) {
            messages.insertSystemMessage(
                    conversationId, conversation.channelId(), authorId(actor), "took", actor.fullName());
        } else if (conversation.responsibleId() == null) {
            messages.insertSystemMessage(
                    conversationId,
                    conversation.channelId(),
                    authorId(actor),
                    "assigned",
                    actor.fullName(),
                    nameOf(staff, userId));
        } else {
            messages.insertSystemMessage(
                    conversationId,
                    conversation.channelId(),
                    authorId(actor),
                    "reassigned",
                    actor.fullName(),
                    nameOf(staff, conversation.responsibleId()),
                    nameOf(staff, userId));
        }
        changed(conversation);
    }

    public void close(long conversationId) {
        CurrentStaff.require(Permission.CLOSE_CHATS);
        changeState(conversationId, ConversationState.CLOSED, "closed");
    }

    public void reopen(long conversationId) {
        CurrentStaff.require(Permission.CLOSE_CHATS);
        changeState(conversationId, ConversationState.OPEN, "reopened");
    }

    /** Queues a failed manager message again (parts the provider already accepted are not repeated). */
    public void retry(long conversationId, long messageId) {
        Row conversation = accessible(conversationId, true);
        if (!messages.requeueFailed(messageId, conversationId)) {
            throw new UserFacingException("chat.error.not-retryable");
        }
        deliveries.enqueue(conversation.channelId(), conversationId, messageId);
        changed(conversation);
    }

    /**
     * Tries the given-up download of a client's file again (anyone who may see the chat): the
     * placeholder says "not downloaded yet" again, and the file appears when it arrives.
     */
    public void retryDownload(long conversationId, long attachmentId) {
        var place = messages.placeOfAttachment(attachmentId)
                .filter(p -> p.conversationId() == conversationId)
                .orElseThrow(() -> new NotFoundException("File " + attachmentId));
        Row conversation = accessible(conversationId, true);
        if (place.status() != AttachmentView.Status.FAILED || !downloads.retry(attachmentId)) {
            throw new UserFacingException("chat.error.not-retryable");
        }
        messages.markPlaceholder(attachmentId, AttachmentView.Status.PENDING, null);
        changed(conversation);
    }

    // ---- helpers ----

    /** The quoted original when it is stored here, else the quote the provider sent along, if any. */
    private static MessageView.@Nullable Quote quote(MessageStore.Raw m, Map<Long, StaffMember> staff) {
        if (m.replyToId() != null) {
            return new MessageView.Quote(
                    m.replyToId(),
                    m.replyKind(),
                    m.replyAuthorId() == null ? null : nameOf(staff, m.replyAuthorId()),
                    MessageStore.preview(m.replyBody(), 0));
        }
        if (m.quoteAuthor() != null || m.quoteText() != null) {
            return new MessageView.Quote(null, null, m.quoteAuthor(), MessageStore.preview(m.quoteText(), 0));
        }
        return null;
    }

    private void changeState(long conversationId, ConversationState state, String code) {
        StaffPrincipal actor = CurrentStaff.require();
        Row conversation = accessible(conversationId, true);
        if (conversation.state() == state) {
            return;
        }
        changes.state(conversationId, state);
        messages.insertSystemMessage(conversationId, conversation.channelId(), authorId(actor), code, actor.fullName());
        changed(conversation);
    }

    /** The system user (scheduled jobs, demo set-up) is no staff row: its system messages have no author. */
    private static @Nullable Long authorId(StaffPrincipal actor) {
        return actor.id() == com.omnichat.base.SystemAccess.SYSTEM_USER_ID ? null : actor.id();
    }

    private void changed(Row conversation) {
        updates.publish(new ChatEvent(Type.UPDATED, conversation.id(), conversation.channelId(), null));
    }

    /** Loads (and for changes locks) a conversation the user may see, or reports it as not found. */
    private Row accessible(long conversationId, boolean forUpdate) {
        StaffPrincipal user = CurrentStaff.require();
        Row row = forUpdate ? conversations.lock(conversationId) : conversations.byId(conversationId);
        if (row == null || !channels.canAccess(user, row.channelId())) {
            throw new NotFoundException("Chat " + conversationId);
        }
        return row;
    }

    private Set<Long> visibleChannels(StaffPrincipal user, ChatFilter filter) {
        Set<Long> visible = new HashSet<>(channels.accessibleChannelIds(user));
        if (!filter.channelIds().isEmpty()) {
            visible.retainAll(filter.channelIds());
        }
        return visible;
    }

    private @Nullable Long checkReplyTarget(long conversationId, @Nullable Long replyToMessageId) {
        if (replyToMessageId == null) {
            return null;
        }
        long owner = messages.conversationOf(replyToMessageId).orElse(-1L);
        if (owner != conversationId) {
            throw new NotFoundException("Message " + replyToMessageId);
        }
        return replyToMessageId;
    }

    /**
     * In an e-mail chat the manager's signature (if he set one) follows his text after the
     * usual "-- " line. It is stored with the message, so the chat shows what the client got.
     */
    private String withSignature(long channelId, StaffPrincipal user, String body) {
        boolean mail =
                channels.find(channelId).map(c -> c.type() == ChannelType.EMAIL).orElse(false);
        if (!mail) {
            return body;
        }
        return users.signatureOf(user.id())
                .map(signature -> body.isEmpty() ? "-- \n" + signature : body + "\n\n-- \n" + signature)
                .orElse(body);
    }

    private static String cleanText(@Nullable String text, boolean hasFiles) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() && !hasFiles) {
            throw new UserFacingException("chat.error.empty");
        }
        if (body.length() > MAX_TEXT) {
            throw new UserFacingException("chat.error.too-long", MAX_TEXT);
        }
        return body;
    }

    private static void checkFile(int size) {
        if (size > MAX_FILE_BYTES) {
            throw new UserFacingException("chat.error.file-too-large", MAX_FILE_BYTES / (1024 * 1024));
        }
    }

    private static String nameOf(Map<Long, StaffMember> staff, @Nullable Long id) {
        StaffMember member = id == null ? null : staff.get(id);
        return member == null ? "—" : member.fullName();
    }

    private List<ConversationSummary> summaries(List<Row> rows) {
        Map<Long, ChannelInfo> channelInfo =
                channels.byIds(rows.stream().map(Row::channelId).distinct().toList());
        Map<Long, StaffMember> staff = users.directory(
                rows.stream().map(Row::responsibleId).filter(Objects::nonNull).toList());
        return rows.stream()
                .map(r -> new ConversationSummary(
                        r.id(),
                        channelInfo.get(r.channelId()),
                        r.clientId(),
                        r.state(),
                        r.responsibleId() == null ? null : staff.get(r.responsibleId()),
                        r.sortAt(),
                        r.lastMessageAt(),
                        r.preview(),
                        r.lastKind(),
                        r.unreadCount(),
                        r.unanswered(),
                        r.clientName(),
                        r.clientNickname(),
                        r.clientPhotoUrl(),
                        null))
                .toList();
    }

    private List<MessageView> views(List<MessageStore.Raw> raws) {
        Map<Long, StaffMember> staff = users.directory(raws.stream()
                .flatMap(m -> java.util.stream.Stream.of(m.authorId(), m.replyAuthorId()))
                .filter(Objects::nonNull)
                .toList());
        Map<Long, List<AttachmentView>> files =
                messages.attachments(raws.stream().map(MessageStore.Raw::id).toList());
        Map<Long, MessageView.MailPart> mail =
                messages.mailParts(raws.stream().map(MessageStore.Raw::id).toList());
        return raws.stream()
                .map(m -> new MessageView(
                        m.id(),
                        m.kind(),
                        m.authorId(),
                        m.authorId() == null ? null : nameOf(staff, m.authorId()),
                        m.body(),
                        m.systemCode(),
                        m.systemArgs(),
                        quote(m, staff),
                        m.status(),
                        m.failureReason(),
                        m.edited(),
                        m.createdAt(),
                        files.getOrDefault(m.id(), List.of()),
                        m.marks(),
                        mail.get(m.id())))
                .toList();
    }
}
