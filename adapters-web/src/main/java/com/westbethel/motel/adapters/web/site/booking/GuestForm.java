package com.westbethel.motel.adapters.web.site.booking;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * The booking form of {@code /book}: the offer chosen on the search page (hidden fields, as the Book button sent them),
 * the guest's details as typed, and an Idempotency-Key made when the form was drawn, so that sending it twice holds one
 * room, not two.
 */
final class GuestForm {

    private String roomTypeId = "";
    private String checkIn = "";
    private String checkOut = "";
    private String guests = "";
    private String promoCode = "";
    private String firstName = "";
    private String lastName = "";
    private String email = "";
    private String phone = "";
    private String idempotencyKey = "";

    /** The stay the form is for, or empty when the hidden fields were tampered with or cut short. */
    Optional<Stay> stay() {
        try {
            int party = Integer.parseInt(guests);
            if (party < 1 || party > SearchForm.MAX_GUESTS || promoCode.length() > SearchForm.MAX_CODE_LENGTH) {
                return Optional.empty();
            }
            return Optional.of(new Stay(UUID.fromString(roomTypeId), LocalDate.parse(checkIn), LocalDate.parse(checkOut), party,
                    promoCode.isEmpty() ? Optional.empty() : Optional.of(promoCode)));
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            return Optional.empty();
        }
    }

    /** A new key, for a form drawn afresh (a first visit, or after a refusal that held nothing). */
    void newIdempotencyKey() {
        idempotencyKey = UUID.randomUUID().toString();
    }

    /** The search this offer came from, to go back to. */
    String searchLink() {
        return new SearchForm().link().replaceQueryParam("checkIn", checkIn).replaceQueryParam("checkOut", checkOut)
                .replaceQueryParam("guests", guests).replaceQueryParam("promoCode", promoCode.isEmpty() ? null : promoCode)
                .fragment("results").build().encode().toUriString();
    }

    record Stay(UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int guests, Optional<String> promoCode) {
    }

    public String getRoomTypeId() {
        return roomTypeId;
    }

    public void setRoomTypeId(String roomTypeId) {
        this.roomTypeId = strip(roomTypeId);
    }

    public String getCheckIn() {
        return checkIn;
    }

    public void setCheckIn(String checkIn) {
        this.checkIn = strip(checkIn);
    }

    public String getCheckOut() {
        return checkOut;
    }

    public void setCheckOut(String checkOut) {
        this.checkOut = strip(checkOut);
    }

    public String getGuests() {
        return guests;
    }

    public void setGuests(String guests) {
        this.guests = strip(guests);
    }

    public String getPromoCode() {
        return promoCode;
    }

    public void setPromoCode(String promoCode) {
        this.promoCode = strip(promoCode);
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = strip(firstName);
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = strip(lastName);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = strip(email);
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = strip(phone);
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = strip(idempotencyKey);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** The guest's details are personal data: never in a log line. */
    @Override
    public String toString() {
        return "GuestForm[" + roomTypeId + " " + checkIn + ".." + checkOut + ", details redacted]";
    }
}
