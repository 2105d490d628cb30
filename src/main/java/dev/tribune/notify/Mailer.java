package dev.tribune.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends plain-text email through the SMTP server of TRIBUNE_SMTP_URL (smtp://user:pass@host:port,
 * or smtps:// for TLS from the first byte). Without one, messages are written to the log, so a
 * demo or a test machine can still follow the links.
 */
public final class Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final Session session;
    private final String from;

    private Mailer(Session session, String from) {
        this.session = session;
        this.from = from;
    }

    /** A mailer for this SMTP URL (null: log only) sending from this address. */
    public static Mailer of(String smtpUrl, String from) {
        if (smtpUrl == null) return new Mailer(null, from);
        URI u = URI.create(smtpUrl);
        boolean tls = "smtps".equals(u.getScheme());
        String prefix = tls ? "mail.smtps." : "mail.smtp.";
        Properties p = new Properties();
        p.put("mail.transport.protocol", tls ? "smtps" : "smtp");
        p.put(prefix + "host", u.getHost());
        p.put(prefix + "port", Integer.toString(u.getPort() > 0 ? u.getPort() : tls ? 465 : 587));
        p.put(prefix + "connectiontimeout", "10000");
        p.put(prefix + "timeout", "10000");
        p.put(prefix + "writetimeout", "10000");
        if (!tls) p.put("mail.smtp.starttls.enable", "true");
        Authenticator auth = null;
        if (u.getRawUserInfo() != null) {
            String[] up = u.getRawUserInfo().split(":", 2);
            String user = URLDecoder.decode(up[0], StandardCharsets.UTF_8);
            String pass = up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : "";
            p.put(prefix + "auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, pass);
                }
            };
        }
        return new Mailer(Session.getInstance(p, auth), from);
    }

    /** Sends one message now; throws MailFailure when the server cannot take it. */
    public void send(String to, String subject, String text) {
        if (session == null) {
            LOG.info("No TRIBUNE_SMTP_URL set; this email to {} was not sent:\nSubject: {}\n\n{}", to, subject, text);
            return;
        }
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(from));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            m.setSubject(subject, "UTF-8");
            m.setSentDate(new Date());
            m.setText(text, "UTF-8");
            Transport.send(m);
        } catch (MessagingException e) {
            LOG.warn("could not send email to {}: {}", to, e.getMessage());
            throw new MailFailure(e);
        }
    }

    /** The SMTP server refused or could not be reached. */
    public static final class MailFailure extends RuntimeException {
        MailFailure(Throwable cause) { super(cause.getMessage(), cause); }
    }
}
