package com.personacomposer.persona.images;

/** Makes the short-lived URLs clients fetch images from. */
public interface ImageUrls {

    SignedUrl sign(String s3Key);
}
