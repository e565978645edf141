package com.personacomposer.motto.openai;

/**
 * The first choice of a chat completion.
 *
 * @param content      the message text, null when the model wrote none
 * @param refusal      the model's refusal, null when it did not refuse
 * @param finishReason stop, length, content_filter, ...; null when the server does not say
 */
record ChatReply(String content, String refusal, String finishReason) {
}
