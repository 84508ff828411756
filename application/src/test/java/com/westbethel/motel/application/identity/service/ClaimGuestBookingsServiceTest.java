package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.BOB;
import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.ClaimGuestBookingsUseCase.ClaimResult;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.shared.EmailAddress;
import org.junit.jupiter.api.Test;

class ClaimGuestBookingsServiceTest {

    private final IdentityFixture identity = new IdentityFixture();
    private final EmailAddress anna = new EmailAddress(EMAIL);

    @Test
    void the_account_whose_verified_address_was_proven_gets_the_bookings_made_without_an_account_under_it() {
        // given
        User account = identity.verifiedGuest();
        identity.bookingClaims.bookedWithoutAccount(anna, 2);

        // when
        ClaimResult result = identity.bookingClaimsByOwners.claim(account.id(), anna);

        // then
        assertThat(result).isEqualTo(new ClaimResult.Claimed(2));
        assertThat(identity.bookingClaims.claimedBy(account.id())).isEqualTo(2);
        assertThat(identity.auditLog.entries()).extracting(AuditEntry::action).contains("USER_BOOKINGS_CLAIMED");
    }

    @Test
    void a_proof_of_another_address_claims_nothing() {
        // given
        User bob = identity.existingGuest(BOB, PASSWORD, true, true);
        identity.bookingClaims.bookedWithoutAccount(anna, 1);

        // when
        ClaimResult result = identity.bookingClaimsByOwners.claim(bob.id(), anna);

        // then
        assertThat(result).isEqualTo(new ClaimResult.NotTheAccountsAddress());
        assertThat(identity.bookingClaims.claimedBy(bob.id())).isZero();
        assertThat(identity.auditLog.entries()).extracting(AuditEntry::action).doesNotContain("USER_BOOKINGS_CLAIMED");
    }

    @Test
    void an_account_whose_address_is_not_verified_claims_nothing() {
        // given
        User unverified = identity.existingGuest(EMAIL, PASSWORD, false, true);
        identity.bookingClaims.bookedWithoutAccount(anna, 1);

        // when
        ClaimResult result = identity.bookingClaimsByOwners.claim(unverified.id(), anna);

        // then
        assertThat(result).isEqualTo(new ClaimResult.NotTheAccountsAddress());
        assertThat(identity.bookingClaims.claimedBy(unverified.id())).isZero();
    }

    @Test
    void nothing_to_claim_is_still_the_accounts_address_and_leaves_no_audit_entry() {
        // given
        User account = identity.verifiedGuest();

        // when
        ClaimResult result = identity.bookingClaimsByOwners.claim(account.id(), anna);

        // then
        assertThat(result).isEqualTo(new ClaimResult.Claimed(0));
        assertThat(identity.auditLog.entries()).extracting(AuditEntry::action).doesNotContain("USER_BOOKINGS_CLAIMED");
    }
}
