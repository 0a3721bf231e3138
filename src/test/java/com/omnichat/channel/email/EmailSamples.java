package com.omnichat.channel.email;

/** Mails built in the test, where they must name ids only known at run time. */
public final class EmailSamples {

    private EmailSamples() {}

    /** A delivery status notification (RFC 3464) for our message {@code originalId}. */
    public static String bounce(String originalId, String recipient) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r
                To: shop@example.com\r
                Subject: Undelivered Mail Returned to Sender\r
                Date: Fri, 04 Dec 2026 14:00:00 +0000\r
                Message-ID: <bounce-%1$s>\r
                Auto-Submitted: auto-replied\r
                MIME-Version: 1.0\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain\r
                \r
                Your message could not be delivered.\r
                --b\r
                Content-Type: message/delivery-status\r
                \r
                Reporting-MTA: dns; mx.example.net\r
                \r
                Final-Recipient: rfc822; %2$s\r
                Action: failed\r
                Status: 5.1.1\r
                Diagnostic-Code: smtp; 550 5.1.1 User unknown\r
                \r
                --b\r
                Content-Type: text/rfc822-headers\r
                \r
                From: Flower Shop <shop@example.com>\r
                To: %2$s\r
                Subject: Re: Order\r
                Message-ID: <%1$s>\r
                \r
                --b--\r
                """.formatted(originalId, recipient);
    }
}
