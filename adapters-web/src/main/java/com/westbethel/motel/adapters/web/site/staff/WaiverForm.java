package com.westbethel.motel.adapters.web.site.staff;

/** The booking page's "waive the fee" form: the reason, as typed (kept when the form is refused). */
final class WaiverForm {

    private String reason = "";

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason == null ? "" : reason.strip();
    }
}
