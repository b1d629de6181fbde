package io.wagate.instance.qr;

import io.wagate.contracts.session.SessionStatus;
import io.wagate.support.web.ApiProblem;
import io.wagate.support.web.ProblemTypes;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;

/** 409: there is no QR code to show because the instance is not waiting for a scan (or its code just expired). */
final class InstanceNotAwaitingScan extends ApiProblem {

    static final URI TYPE = ProblemTypes.of("instance-not-awaiting-scan");

    InstanceNotAwaitingScan(SessionStatus status) {
        super(HttpStatusCode.valueOf(409), TYPE, "Instance not awaiting scan",
                status == SessionStatus.QR_REQUIRED
                        ? "The last QR code expired; the next one follows shortly"
                        : "The instance is " + status + ", not waiting for a QR scan; connect it first",
                Map.of("status", status.name()));
    }
}
