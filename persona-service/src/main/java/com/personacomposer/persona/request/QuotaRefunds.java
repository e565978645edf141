package com.personacomposer.persona.request;

import com.personacomposer.persona.quota.Quotas;
import org.springframework.stereotype.Component;

/**
 * Gives a failed request's quota unit back when no image was made for it (no provider charged for it), once.
 */
@Component
class QuotaRefunds {

    private final RequestStore requests;
    private final Quotas quotas;

    QuotaRefunds(RequestStore requests, Quotas quotas) {
        this.requests = requests;
        this.quotas = quotas;
    }

    void failed(PersonaRequest failed) {
        if (failed.stages().image() == StageStatus.DONE || failed.details() == null) {
            return;
        }
        requests.takeQuotaDay(failed.requestId())
                .ifPresent(day -> quotas.giveBack(failed.details().createdBy(), day));
    }
}
