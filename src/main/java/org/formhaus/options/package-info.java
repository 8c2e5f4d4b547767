/**
 * The onOffice options of forms ({@code "optionsFrom": "onoffice"}, {@code userselect}), served without waiting on
 * onOffice: each account's last good options catalogue is kept in the database ({@link
 * org.formhaus.options.CatalogueStore}) and refreshed in the background, one refresh per account at a time
 * ({@link org.formhaus.options.OptionsCatalogues}). {@code web} sees only {@link org.formhaus.options.FormOptions};
 * this package uses {@code storage}, {@code forms} and, to load a catalogue, {@code onoffice}.
 */
package org.formhaus.options;
