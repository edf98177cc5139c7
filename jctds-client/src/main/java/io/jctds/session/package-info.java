/**
 * The client session: the login state machine ({@link io.jctds.session.LoginState}) with FreeTDS's
 * PRELOGIN, encryption and LOGIN7 decisions, the request/response loop of a logged-in session
 * ({@link io.jctds.session.Session}, {@link io.jctds.session.ResponseStream}), and the one factory
 * that turns failures into jctds exceptions ({@link io.jctds.session.Errors}). Internal: the public
 * API is {@code io.jctds}.
 */
package io.jctds.session;
