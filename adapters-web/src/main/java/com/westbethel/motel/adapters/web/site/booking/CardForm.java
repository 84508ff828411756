package com.westbethel.motel.adapters.web.site.booking;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;

/**
 * The card form of {@code /bookings/{id}/pay}. The card number and security code are only ever turned into the sandbox's
 * token ({@link SandboxCards}): they are not logged, not kept, and not written back into the page when the form is
 * refused (the guest types them again); the expiry and the name are kept.
 */
final class CardForm {

    private static final Pattern EXPIRY = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})");
    static final int MAX_NAME_LENGTH = 100;

    private String cardNumber = "";
    private String expiry = "";
    private String cvc = "";
    private String nameOnCard = "";
    private String idempotencyKey = "";

    /**
     * The sandbox's token, or the fields at fault in {@code errors}. Either way the card number and security code are
     * forgotten first: a refused field's value would otherwise be drawn back into the page.
     */
    Optional<String> token(YearMonth thisMonth, Errors errors) {
        Map<String, String> problems = new LinkedHashMap<>();
        SandboxCards.Tokenized card = SandboxCards.tokenize(cardNumber);
        if (card.token().isEmpty()) {
            problems.put("cardNumber", card.problem());
        }
        expiryProblem(thisMonth).ifPresent(problem -> problems.put("expiry", problem));
        if (!cvc.matches("\\d{3,4}")) {
            problems.put("cvc", "Enter the security code: the 3 digits on the back of the card (4 on the front for American Express).");
        }
        if (nameOnCard.isEmpty()) {
            problems.put("nameOnCard", "Enter the name as it is written on the card.");
        } else if (nameOnCard.length() > MAX_NAME_LENGTH) {
            problems.put("nameOnCard", "The name on the card is at most %d characters.".formatted(MAX_NAME_LENGTH));
        }
        cardNumber = "";
        cvc = "";
        problems.forEach((field, problem) -> errors.rejectValue(field, "invalid", problem));
        return problems.isEmpty() ? card.token() : Optional.empty();
    }

    private Optional<String> expiryProblem(YearMonth thisMonth) {
        if (expiry.isEmpty()) {
            return Optional.of("Enter the card's expiry date, as on the card: month / year, like 04/29.");
        }
        Matcher date = EXPIRY.matcher(expiry);
        int month = date.matches() ? Integer.parseInt(date.group(1)) : 0;
        if (month < 1 || month > 12) {
            return Optional.of("Enter the expiry date as month / year, like 04/29.");
        }
        int year = Integer.parseInt(date.group(2));
        if (YearMonth.of(year < 100 ? 2000 + year : year, month).isBefore(thisMonth)) {
            return Optional.of("This card has expired: use a card that is still valid.");
        }
        return Optional.empty();
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber == null ? "" : cardNumber.strip();
    }

    public String getExpiry() {
        return expiry;
    }

    public void setExpiry(String expiry) {
        this.expiry = expiry == null ? "" : expiry.strip();
    }

    public String getCvc() {
        return cvc;
    }

    public void setCvc(String cvc) {
        this.cvc = cvc == null ? "" : cvc.strip();
    }

    public String getNameOnCard() {
        return nameOnCard;
    }

    public void setNameOnCard(String nameOnCard) {
        this.nameOnCard = nameOnCard == null ? "" : nameOnCard.strip();
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey == null ? "" : idempotencyKey.strip();
    }

    @Override
    public String toString() {
        return "CardForm[redacted]";
    }
}
