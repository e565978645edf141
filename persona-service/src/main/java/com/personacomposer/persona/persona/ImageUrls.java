package com.personacomposer.persona.persona;

/** Makes the short-lived URLs clients fetch images from. */
interface ImageUrls {

    SignedUrl sign(String s3Key);
}
