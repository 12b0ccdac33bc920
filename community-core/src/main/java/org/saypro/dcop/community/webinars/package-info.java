/**
 * Webinars and workshops: scheduling, registration with capacity and a waiting list, reminders, iCalendar feeds and
 * attendance (check-in, or a meeting platform's report). Each attendance emits one webinar.attended event.
 */
package org.saypro.dcop.community.webinars;
