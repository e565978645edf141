package com.personacomposer.persona.intake;

import com.personacomposer.persona.assembly.RequestService;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.requests.RequestStatus;
import com.personacomposer.persona.web.ConflictException;
import com.personacomposer.persona.web.ForbiddenException;
import com.personacomposer.persona.web.UnauthorizedException;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * A client's cancel: a principal's request only by that principal or an admin, an anonymous request by whoever holds
 * its (unguessable) id; only while it is PENDING, and again harmlessly once it is CANCELED.
 */
@Service
@RequiredArgsConstructor
class RequestCancel {

    private final RequestService requests;

    /**
     * The request as it stands after the cancel (CANCELED).
     *
     * @param caller the caller's principal id, null for anonymous callers
     * @throws UnauthorizedException a principal's request, an anonymous caller
     * @throws ForbiddenException    another principal's request, a caller who is no admin
     * @throws ConflictException     the request completed or failed first
     */
    PersonaRequest cancel(PersonaRequest request, String caller, boolean admin) {
        String owner = request.details().createdBy();
        if (owner != null && caller == null) {
            throw new UnauthorizedException("sign in to cancel this request");
        }
        if (owner != null && !owner.equals(caller) && !admin) {
            throw new ForbiddenException("only whoever made this request can cancel it");
        }
        PersonaRequest after = requests.cancel(request.requestId());
        if (after.status() != RequestStatus.CANCELED) {
            throw new ConflictException("the request is " + after.status().name().toLowerCase(Locale.ROOT)
                    + " already; only a pending request can be canceled");
        }
        return after;
    }
}
