package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase.ManageLink;
import com.westbethel.motel.application.booking.port.out.ManageLinkTokens;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.inventory.Property;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one home of what a manage link is: a signed token for one booking, valid until the end of the day after check-out at
 * the motel (so a guest can still fetch a receipt on the way home), and at least a day from when it is issued; its URL is
 * {@code <public url>/manage/<token>}. Used by the confirmation emails and by {@link ManageLinkService}.
 */
public final class ManageLinks {

    static final Duration AT_LEAST = Duration.ofHours(24);

    private final ManageLinkTokens tokens;
    private final String siteUrl;

    /** @param siteUrl where guests reach the motel's site ({@code motel.public-url}) */
    public ManageLinks(ManageLinkTokens tokens, String siteUrl) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(siteUrl, "siteUrl");
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    ManageLink issue(Booking booking, Property property, Instant now) {
        // Midnight at the motel that ends the day after the check-out day.
        Instant afterCheckOut = booking.stay().checkOut().plusDays(2).atStartOfDay(property.timeZone()).toInstant();
        Instant expiresAt = afterCheckOut.isAfter(now.plus(AT_LEAST)) ? afterCheckOut : now.plus(AT_LEAST);
        String token = tokens.sign(new ManageLinkTokens.Claim(booking.id().value(), expiresAt));
        return new ManageLink(token, siteUrl + "/manage/" + URLEncoder.encode(token, StandardCharsets.UTF_8), expiresAt);
    }

    /** The booking a genuine, unexpired token is for. */
    Optional<UUID> open(String token, Instant now) {
        return tokens.verify(token).filter(claim -> now.isBefore(claim.expiresAt())).map(ManageLinkTokens.Claim::booking);
    }
}
