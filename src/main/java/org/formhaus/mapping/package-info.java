/**
 * What a validated submission becomes in onOffice: {@link org.formhaus.mapping.SubmissionMapper} plans the actions per
 * form kind in as few requests as possible, taking each step family from its own class ({@code EstateSteps},
 * {@code AgentLookup}, {@code ActivitySteps}, {@code NewsletterMail}, {@code FileSteps}); {@code ValueConverter} holds
 * the value rules per onOffice field type; {@code RecordLinks} and {@code LinkSteps} link the form's estate and address
 * (relations, project, price offer, written values) and check live-CRM rules ({@code LiveRule}, also when the visitor
 * sends: {@link org.formhaus.mapping.LiveRuleCheck}); every record but the address carries the submission's {@code RecordTag},
 * by which {@code TagProbes} find it after a lost reply, so none is created twice; and {@link org.formhaus.mapping.MappingCheck} refuses, when a form is
 * saved, mappings onto fields the account's onOffice does not have or cannot fill. Delivery
 * ({@code delivery.SubmissionDelivery}) runs the plans.
 */
package org.formhaus.mapping;
