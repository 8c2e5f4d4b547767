Your enquiry: ${form.title}
