package com.omnichat.channel.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.HeaderTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's INBOX over IMAP, opened read-only (nothing is marked, moved or deleted: people
 * may use the mailbox in their mail program too). Reading starts after {@code afterUid} when
 * the mailbox still has {@code validity}; otherwise from the start.
 */
final class ImapMailbox {

    private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);
    /** Ends IDLE waits on time (one small daemon thread for every mailbox of the node). */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "imap-idle-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final EmailSettings settings;
    private final String sslTrust;

    ImapMailbox(EmailSettings settings, String sslTrust) {
        this.settings = settings;
        this.sslTrust = sslTrust;
    }

    /** Logs in and opens the INBOX; for "check connection". Returns the number of messages. */
    int check() throws MessagingException {
        try (Store store = connect();
                Folder inbox = open(store)) {
            return inbox.getMessageCount();
        }
    }

    /**
     * Messages after the cursor, oldest first, at most {@code limit}; each raw, with our
     * {@link MailParser#IMAP_UID_HEADER} in front. When none is there yet, checks again until
     * {@code wait} has passed (the connection stays open; one login per wait, not per check):
     * in IMAP IDLE where the server has it (a new mail wakes the wait at once), otherwise
     * looking again every {@code recheck}.
     */
    Batch fetch(long knownValidity, long afterUid, int limit, Duration wait, Duration recheck)
            throws MessagingException, IOException {
        try (Store store = connect();
                Folder inbox = open(store)) {
            UIDFolder uids = (UIDFolder) inbox;
            long validity = uids.getUIDValidity();
            // A new UIDVALIDITY (the mailbox was rebuilt): read it all again, Message-IDs keep out duplicates.
            long after = validity == knownValidity ? afterUid : 0;
            long deadline = System.nanoTime() + wait.toNanos();
            boolean idle = true;
            while (true) {
                List<Raw> raws = new ArrayList<>();
                // "n:*" always returns the last message even when its UID is below n: filtered out.
                Message[] messages = uids.getMessagesByUID(after + 1, UIDFolder.LASTUID);
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                inbox.fetch(messages, profile);
                long last = after;
                for (Message message : messages) {
                    long uid = uids.getUID(message);
                    if (uid <= after) {
                        continue;
                    }
                    if (raws.size() >= limit) {
                        break;
                    }
                    raws.add(new Raw(uid, raw(validity, uid, message)));
                    last = Math.max(last, uid);
                }
                if (!raws.isEmpty() || System.nanoTime() >= deadline) {
                    return new Batch(raws, validity, last);
                }
                long pause = Math.min(recheck.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (idle && inbox instanceof IMAPFolder folder) {
                    idle = idleFor(folder, pause);
                    if (!inbox.isOpen()) {
                        // IDLE broke the connection: this poll ends; the next one connects afresh.
                        return new Batch(raws, validity, last);
                    }
                    continue;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Batch(raws, validity, last);
                }
            }
        }
    }

    /** A part of a stored message, found by UID (same UIDVALIDITY) or else by its Message-ID. */
    byte[] part(String reference, long maxBytes) throws MessagingException, IOException {
        String[] ref = reference.split(" ", 4);
        long validity = Long.parseLong(ref[0]);
        long uid = Long.parseLong(ref[1]);
        String path = ref[2];
        String messageId = ref.length > 3 ? ref[3] : "";
        try (Store store = connect();
                Folder inbox = open(store)) {
            UIDFolder uids = (UIDFolder) inbox;
            Message message = uids.getUIDValidity() == validity ? uids.getMessageByUID(uid) : null;
            if (message == null && !messageId.isEmpty()) {
                Message[] found = inbox.search(new HeaderTerm("Message-ID", "<" + messageId + ">"));
                message = found.length > 0 ? found[0] : null;
            }
            if (message == null) {
                throw new MessagingException("The mail is no longer in the mailbox");
            }
            Part part = message;
            if (!path.isEmpty()) {
                for (String index : path.split("\\.")) {
                    part = ((Multipart) part.getContent()).getBodyPart(Integer.parseInt(index));
                }
            }
            try (InputStream in = part.getInputStream()) {
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (content.length > maxBytes) {
                    throw new com.omnichat.channel.connector.MediaPolicy.MediaRejectedException(
                            "The file is larger than " + maxBytes / (1024 * 1024) + " MB");
                }
                return content;
            }
        }
    }

    /**
     * Waits in IMAP IDLE until the server announces a change or {@code millis} pass (a NOOP
     * from the watchdog thread ends the IDLE, as Angus Mail documents); returns whether IDLE
     * can be used again. The caller reads by UID either way, so IDLE only shortens the wait.
     */
    private static boolean idleFor(IMAPFolder folder, long millis) {
        // Repeats, in case it fires before the IDLE command has started.
        ScheduledFuture<?> watchdog = WATCHDOG.scheduleWithFixedDelay(
                () -> {
                    try {
                        folder.doCommand(protocol -> {
                            protocol.simpleCommand("NOOP", null);
                            return null;
                        });
                    } catch (MessagingException | RuntimeException e) {
                        // The folder closed meanwhile: idle() has returned or will fail by itself.
                    }
                },
                millis,
                Math.max(millis, 200),
                TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
            return true;
        } catch (MessagingException | RuntimeException e) {
            // No IDLE capability or it failed: back to checking every few seconds.
            log.debug(
                    "IMAP IDLE not available, polling instead ({})",
                    e.getClass().getSimpleName());
            return false;
        } finally {
            watchdog.cancel(false);
        }
    }

    private Store connect() throws MessagingException {
        Store store = settings.imapSession(sslTrust).getStore(settings.imapProtocol());
        store.connect(settings.imapHost(), settings.imapPort(), settings.login(), settings.password());
        return store;
    }

    private static Folder open(Store store) throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        return inbox;
    }

    private static byte[] raw(long validity, long uid, Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((MailParser.IMAP_UID_HEADER + ": " + validity + "/" + uid + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        message.writeTo(out);
        return out.toByteArray();
    }

    record Raw(long uid, byte[] body) {}

    record Batch(List<Raw> messages, long validity, long lastUid) {}
}
