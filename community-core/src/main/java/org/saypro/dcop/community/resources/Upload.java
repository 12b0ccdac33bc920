package org.saypro.dcop.community.resources;

import java.io.InputStream;

/** An uploaded file as it arrived: the name and type are the uploader's claims, checked against the bytes. */
public record Upload(String fileName, String declaredType, InputStream content) {}
