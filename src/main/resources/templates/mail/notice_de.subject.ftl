Neue Anfrage über „${form.title}“
