/**
 * HTTP errors as RFC 9457 {@code application/problem+json}, produced in one place for every module and every
 * framework error. Nothing here may put a stack trace or an exception class name into a response.
 */
package org.saypro.dcop.web;
