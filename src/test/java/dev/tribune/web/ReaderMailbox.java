package dev.tribune.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a free loopback port, and the links in the mail it received. */
final class ReaderMailbox implements AutoCloseable {
    final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private int seen;

    ReaderMailbox() {
        smtp.start();
    }

    String url() {
        return "smtp://127.0.0.1:" + smtp.getSmtp().getPort();
    }

    /** The next message's path-and-query of its link to Tribune (waits for it to arrive). */
    String nextLink(String to, String pathStart) throws Exception {
        if (!smtp.waitForIncomingEmail(10_000, seen + 1)) throw new AssertionError("no email arrived");
        MimeMessage m = smtp.getReceivedMessages()[seen++];
        if (!m.getAllRecipients()[0].toString().equals(to)) throw new AssertionError("email went to " + m.getAllRecipients()[0]);
        Matcher link = Pattern.compile("http://localhost(" + Pattern.quote(pathStart) + "\\S+)").matcher(GreenMailUtil.getBody(m));
        if (!link.find()) throw new AssertionError("no link in: " + GreenMailUtil.getBody(m));
        return link.group(1);
    }

    String lastSubject() throws Exception {
        return smtp.getReceivedMessages()[seen - 1].getSubject();
    }

    int received() {
        return smtp.getReceivedMessages().length;
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
