New enquiry through "${form.title}"
