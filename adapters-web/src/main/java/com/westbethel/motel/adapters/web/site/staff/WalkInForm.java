package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.adapters.web.site.FormDates;
import com.westbethel.motel.adapters.web.site.FormFields;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.GuestDetails;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase.WalkInCommand;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.validation.Errors;

/**
 * The walk-in form of {@code /staff/walk-in}, every field as typed (a refused form shows it back unchanged): the stay, the
 * guest (names required; email and phone optional), an optional room number, and an Idempotency-Key
 * made when the form was drawn, so that sending it twice books one room, not two.
 */
final class WalkInForm {

    static final int MAX_ROOM_NUMBER_LENGTH = 16;

    private String roomTypeId = "";
    private String checkIn = "";
    private String checkOut = "";
    private String guests = "1";
    private String firstName = "";
    private String lastName = "";
    private String email = "";
    private String phone = "";
    private String roomNumber = "";
    private String idempotencyKey = "";

    /** A fresh form: tonight for one night, one guest, a new key. */
    static WalkInForm tonight(LocalDate today) {
        WalkInForm form = new WalkInForm();
        form.checkIn = today.toString();
        form.checkOut = today.plusDays(1).toString();
        form.newIdempotencyKey();
        return form;
    }

    void newIdempotencyKey() {
        idempotencyKey = UUID.randomUUID().toString();
    }

    /**
     * The walk-in as the booking use case takes it, or the fields at fault in {@code errors} (what the form itself can tell:
     * a room type chosen, real dates, a party of 1 to 20); the rest (dates in order, the names, the email)
     * is the use case's to refuse.
     */
    Optional<WalkInCommand> command(Actor staff, Errors errors) {
        Optional<UUID> type = uuid(roomTypeId);
        if (type.isEmpty()) {
            errors.rejectValue("roomTypeId", "required", "Choose a room type.");
        }
        Optional<LocalDate> in = FormDates.date(checkIn, "checkIn", "check-in", errors);
        Optional<LocalDate> out = FormDates.date(checkOut, "checkOut", "check-out", errors);
        Optional<Integer> party = FormFields.party(guests, "guests", errors);
        if (roomNumber.length() > MAX_ROOM_NUMBER_LENGTH) {
            errors.rejectValue("roomNumber", "length", "A room number is at most %d characters.".formatted(MAX_ROOM_NUMBER_LENGTH));
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        GuestDetails guest = new GuestDetails(firstName, lastName, email.isEmpty() ? null : email,
                phone.isEmpty() ? Optional.empty() : Optional.of(phone));
        return Optional.of(new WalkInCommand(staff, type.orElseThrow(), in.orElseThrow(), out.orElseThrow(), party.orElseThrow(), guest,
                roomNumber.isEmpty() ? Optional.empty() : Optional.of(roomNumber),
                idempotencyKey.isEmpty() ? Optional.empty() : Optional.of(idempotencyKey)));
    }

    private static Optional<UUID> uuid(String typed) {
        try {
            return typed.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(typed));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
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

    public String getRoomNumber() {
        return roomNumber;
    }

    public void setRoomNumber(String roomNumber) {
        this.roomNumber = strip(roomNumber);
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = strip(idempotencyKey);
    }

    private static String strip(String value) {
        return FormFields.strip(value);
    }

    /** The guest's details are personal data: never in a log line. */
    @Override
    public String toString() {
        return "WalkInForm[" + roomTypeId + " " + checkIn + ".." + checkOut + ", details redacted]";
    }
}
