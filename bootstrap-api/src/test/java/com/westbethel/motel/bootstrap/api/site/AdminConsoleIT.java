package com.westbethel.motel.bootstrap.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The staff console's admin screens in a real Chromium: an admin enrolled in two-factor login logs in with a code, finds a
 * guest's account by email and locks it, then unlocks it; sends a dead email again from the email queue; and opens the
 * email templates, one template's editor and the audit log. Every screen is held to the quality bars (axe-core included).
 */
class AdminConsoleIT extends AbstractSiteIT {

    private static final DateTimeFormatter MOTEL_MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    String adminEmail;
    String secret;
    String guestEmail;
    UUID deadEmail;

    @BeforeEach
    void anAdminAGuestAndADeadEmail() {
        adminEmail = Accounts.uniqueEmail("console-admin");
        secret = StaffAccounts.enrolled(port, jdbc, adminEmail, "ADMIN");
        guestEmail = Accounts.uniqueEmail("console-guest");
        TestAccounts.verified(port, jdbc, guestEmail);
        deadEmail = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO email_queue (id, template, recipient, message_id, status, attempts, last_error)
                        VALUES (:id, 'booking-confirmation', :recipient, :messageId, 'DEAD', 8, '421 4.4.2 connection timed out')
                        """)
                .param("id", deadEmail).param("recipient", guestEmail).param("messageId", "<" + deadEmail + "@test>").update();
    }

    @Test
    void an_admin_locks_and_unlocks_a_guest_and_sends_a_dead_email_again() {
        StaffAccounts.logIn(browser, "/staff/admin/users", adminEmail, secret);
        assertThat(browser.title()).isEqualTo("Users - Staff - West Bethel Motel");
        browser.assertPageBars("staff-admin-users");

        // Users: found by email, locked (their sessions end), unlocked.
        browser.fill("Email contains", guestEmail.toUpperCase()).press("Search");
        assertThat(browser.findAll("tr[data-email]")).hasSize(1);
        browser.press(button(row(), "Lock " + guestEmail));
        assertThat(browser.text("[role=status]")).isEqualTo(guestEmail + ": locked; every session ended.");
        assertThat(row().getText()).contains("Locked");
        assertThat(enabled(guestEmail)).isFalse();
        browser.press(button(row(), "Unlock " + guestEmail));
        assertThat(browser.text("[role=status]")).isEqualTo(guestEmail + ": unlocked.");
        assertThat(enabled(guestEmail)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action IN ('USER_LOCKED', 'USER_UNLOCKED') AND actor = :actor")
                .param("actor", "admin:" + idOf(adminEmail)).query(Long.class).single()).isEqualTo(2);

        // The email queue: the dead email, its recipient masked, sent again.
        browser.follow("Email queue");
        assertThat(browser.path()).isEqualTo("/staff/admin/email-queue");
        browser.assertPageBars("staff-admin-email-queue");
        WebElement dead = browser.find("tr[data-email-id='" + deadEmail + "']");
        assertThat(dead.getText()).contains("booking-confirmation", guestEmail.charAt(0) + "***@example.com", "421 4.4.2").doesNotContain(guestEmail);
        OffsetDateTime queued = jdbc.sql("SELECT created_at FROM email_queue WHERE id = :id").param("id", deadEmail).query(OffsetDateTime.class).single();
        assertThat(dead.getText()).as("in the motel's time, not UTC")
                .contains("queued " + MOTEL_MINUTE.format(queued.atZoneSameInstant(ZoneId.of("America/New_York"))));
        browser.press(dead.findElement(By.xpath(".//button[normalize-space(.)='Send again']")));
        assertThat(browser.text("[role=status]")).startsWith("The email is queued again");
        assertThat(browser.findAll("tr[data-email-id='" + deadEmail + "']")).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM email_queue WHERE id = :id").param("id", deadEmail).query(String.class).single()).isNotEqualTo("DEAD");

        // The templates, one template's preview and editor, and the audit log with its verification.
        browser.follow("Email templates");
        browser.assertPageBars("staff-admin-email-templates");
        browser.follow("booking-confirmation");
        assertThat(browser.find("[data-preview-subject]").getText()).isNotBlank();
        browser.assertPageBars("staff-admin-email-template");
        browser.follow("Audit log");
        assertThat(browser.find("[data-verification]").getText()).contains("Verification");
        assertThat(browser.findAll("tr[data-action='EMAIL_REQUEUED']")).isNotEmpty();
        browser.assertPageBars("staff-admin-audit");
    }

    private WebElement row() {
        return browser.find("tr[data-email='" + guestEmail + "']");
    }

    private static WebElement button(WebElement row, String label) {
        return row.findElement(By.cssSelector("button[aria-label='" + label + "']"));
    }

    private boolean enabled(String email) {
        return jdbc.sql("SELECT enabled FROM users WHERE email = :email").param("email", email).query(Boolean.class).single();
    }

    private String idOf(String email) {
        return jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", email).query(String.class).single();
    }
}
