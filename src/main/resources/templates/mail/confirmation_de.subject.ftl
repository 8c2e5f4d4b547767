Ihre Anfrage: ${form.title}
