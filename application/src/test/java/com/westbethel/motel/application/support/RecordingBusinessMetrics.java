package com.westbethel.motel.application.support;

import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.domain.shared.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The business metrics as a list of what was told, in order, each as a short line ({@code "booking created API"},
 * {@code "payment DECLINED"}, {@code "booking confirmed 300.00 USD WEB"}): what a test asserts on. The fakes of the stores
 * never roll back, so everything told is kept; that a rolled-back fact counts nothing is the real adapter's to prove.
 */
public final class RecordingBusinessMetrics implements BusinessMetrics {

    private final List<String> recorded = new ArrayList<>();
    private final List<TokenValidation> tokenValidations = new ArrayList<>();

    /** What was told so far, oldest first; token validations apart (see {@link #tokenValidations()}). */
    public List<String> recorded() {
        return List.copyOf(recorded);
    }

    /** Each token validation, oldest first. */
    public List<TokenValidation> tokenValidations() {
        return List.copyOf(tokenValidations);
    }

    public void clear() {
        recorded.clear();
        tokenValidations.clear();
    }

    @Override
    public void bookingCreated(Channel channel) {
        recorded.add("booking created " + channel);
    }

    @Override
    public void bookingCancelled(Channel channel) {
        recorded.add("booking cancelled " + channel);
    }

    @Override
    public void payment(PaymentOutcome outcome) {
        recorded.add("payment " + outcome);
    }

    @Override
    public void bookingConfirmed(Money total, Optional<Channel> channel) {
        recorded.add("booking confirmed " + total.amount().toPlainString() + " " + total.currency().getCurrencyCode() + " "
                + channel.map(Channel::name).orElse("(no channel)"));
    }

    @Override
    public void registration() {
        recorded.add("registration");
    }

    @Override
    public void login(LoginOutcome outcome) {
        recorded.add("login " + outcome);
    }

    @Override
    public void tokenValidation(boolean valid, Duration took) {
        tokenValidations.add(new TokenValidation(valid, took));
    }

    @Override
    public void holdsExpired(int holds) {
        recorded.add("holds expired " + holds);
    }

    public record TokenValidation(boolean valid, Duration took) {
    }
}
