package io.connectionportal.support;

import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Messages;
import io.connectionportal.shared.Validation;

/** The support request form as submitted. */
public class SupportForm {

    static final int NAME_MAX = 120;
    static final int MESSAGE_MAX = 4000;
    static final int FROM_MAX = 200;

    @RestForm
    public String name;

    @RestForm
    public String email;

    @RestForm
    public String topic;

    @RestForm
    public String message;

    @RestForm
    public String from;

    public String name() {
        return Validation.trim(name);
    }

    public String email() {
        return Validation.trim(email);
    }

    public String message() {
        return Validation.trim(message);
    }

    public boolean topicIs(SupportTopic candidate) {
        return candidate.key().equals(topic);
    }

    FormErrors validate(Messages msg, SupportMessages support) {
        FormErrors errors = new FormErrors();
        if (name().isEmpty()) {
            errors.add("name", support.error_name_required());
        } else if (name().length() > NAME_MAX) {
            errors.add("name", support.error_name_too_long(NAME_MAX));
        }
        Validation.checkEmail(errors, "email", email(), msg);
        if (SupportTopic.fromKey(topic).isEmpty()) {
            errors.add("topic", support.error_topic_required());
        }
        if (message().isEmpty()) {
            errors.add("message", support.error_message_required());
        } else if (message().length() > MESSAGE_MAX) {
            errors.add("message", support.error_message_too_long(MESSAGE_MAX));
        }
        return errors;
    }
}
