package com.personacomposer.gateway.request;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.naming.PersonaName;

/**
 * A valid POST /api/personas body, defaults filled in.
 *
 * @param webhook where to deliver the request's finish, or null when the client asked for none
 */
record PersonaRequestInput(PersonaName name, String description, MottoTone mottoTone, ImageModel model, boolean force,
                           WebhookRequest webhook) {
}
