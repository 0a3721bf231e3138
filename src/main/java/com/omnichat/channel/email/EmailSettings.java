package com.omnichat.channel.email;

import com.omnichat.channel.connector.ConnectedChannel;
import jakarta.mail.Session;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox's connection settings as the channel form stores them, and the Jakarta Mail
 * sessions built from them. Security is SSL (implicit TLS), STARTTLS (required, never
 * downgraded) or NONE (only for servers on a trusted network).
 */
record EmailSettings(
        String address,
        @Nullable String displayName,
        String imapHost,
        int imapPort,
        Security imapSecurity,
        String smtpHost,
        int smtpPort,
        Security smtpSecurity,
        String login,
        String password) {

    static final String ADDRESS = "address";
    static final String DISPLAY_NAME = "displayName";
    static final String IMAP_HOST = "imapHost";
    static final String IMAP_PORT = "imapPort";
    static final String IMAP_SECURITY = "imapSecurity";
    static final String SMTP_HOST = "smtpHost";
    static final String SMTP_PORT = "smtpPort";
    static final String SMTP_SECURITY = "smtpSecurity";
    static final String LOGIN = "login";
    static final String PASSWORD = "password";
    private static final int TIMEOUT_MS = 20_000;

    enum Security {
        SSL,
        STARTTLS,
        NONE;

        static Security of(@Nullable String value, Security fallback) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            String v = value.strip().toUpperCase(Locale.ROOT).replace("/", "").replace(" ", "");
            return switch (v) {
                case "SSL", "TLS", "SSLTLS", "IMAPS", "SMTPS" -> SSL;
                case "STARTTLS" -> STARTTLS;
                case "NONE", "PLAIN", "NO" -> NONE;
                default ->
                    throw new IllegalArgumentException("Unknown security: " + value + " (SSL, STARTTLS or NONE)");
            };
        }
    }

    static EmailSettings of(ConnectedChannel channel) {
        Security imapSecurity = Security.of(channel.setting(IMAP_SECURITY), Security.SSL);
        Security smtpSecurity = Security.of(channel.setting(SMTP_SECURITY), Security.SSL);
        String address = required(channel, ADDRESS);
        String login = channel.secrets().getOrDefault(LOGIN, "");
        return new EmailSettings(
                address.strip(),
                channel.setting(DISPLAY_NAME),
                required(channel, IMAP_HOST),
                port(channel.setting(IMAP_PORT), imapSecurity == Security.SSL ? 993 : 143),
                imapSecurity,
                required(channel, SMTP_HOST),
                port(channel.setting(SMTP_PORT), smtpSecurity == Security.SSL ? 465 : 587),
                smtpSecurity,
                login.isBlank() ? address.strip() : login,
                channel.secret(PASSWORD));
    }

    private static String required(ConnectedChannel channel, String name) {
        String value = channel.setting(name);
        if (value == null) {
            throw new IllegalArgumentException("The channel has no " + name);
        }
        return value.strip();
    }

    private static int port(@Nullable String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port: " + value);
        }
    }

    String imapProtocol() {
        return imapSecurity == Security.SSL ? "imaps" : "imap";
    }

    String smtpProtocol() {
        return smtpSecurity == Security.SSL ? "smtps" : "smtp";
    }

    /** The IMAP session; {@code sslTrust} names hosts whose certificates need not chain to a CA (tests). */
    Session imapSession(String sslTrust) {
        Properties p = new Properties();
        String prefix = "mail." + imapProtocol() + ".";
        p.put(prefix + "host", imapHost);
        p.put(prefix + "port", Integer.toString(imapPort));
        p.put(prefix + "connectiontimeout", Integer.toString(TIMEOUT_MS));
        p.put(prefix + "timeout", Integer.toString(TIMEOUT_MS));
        p.put(prefix + "writetimeout", Integer.toString(TIMEOUT_MS));
        // Reading a message must not mark it as read for the people who also use the mailbox.
        p.put(prefix + "peek", "true");
        tls(p, prefix, imapSecurity, sslTrust);
        return Session.getInstance(p);
    }

    Session smtpSession(String sslTrust) {
        Properties p = new Properties();
        String prefix = "mail." + smtpProtocol() + ".";
        p.put(prefix + "host", smtpHost);
        p.put(prefix + "port", Integer.toString(smtpPort));
        p.put(prefix + "auth", "true");
        p.put(prefix + "connectiontimeout", Integer.toString(TIMEOUT_MS));
        p.put(prefix + "timeout", Integer.toString(TIMEOUT_MS));
        p.put(prefix + "writetimeout", Integer.toString(TIMEOUT_MS));
        // The envelope sender: bounces come back to the channel's mailbox.
        p.put(prefix + "from", address);
        tls(p, prefix, smtpSecurity, sslTrust);
        return Session.getInstance(p);
    }

    private static void tls(Properties p, String prefix, Security security, String sslTrust) {
        if (security == Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (security != Security.NONE) {
            if (sslTrust.isBlank()) {
                p.put(prefix + "ssl.checkserveridentity", "true");
            } else {
                // Only where configured (tests against a self-signed loopback server).
                p.put(prefix + "ssl.trust", sslTrust);
                p.put(prefix + "ssl.checkserveridentity", "false");
            }
        }
    }

    @Override
    public String toString() {
        // Never print the password.
        return "EmailSettings[" + address + " imap " + imapHost + ":" + imapPort + " smtp " + smtpHost + ":" + smtpPort
                + "]";
    }
}
